package dev.riskplatform.batch.metrics;

import dev.riskplatform.batch.output.DayOutputs;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.core.risk.VarEs;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics/daily?symbol=S}: every stored metrics/daily/ row of the symbol, oldest first,
 * read through the days' pointers and the partitions' manifests ({@link DayOutputs}; what the dashboard's
 * daily table shows).
 * {@code completeness} = barsPresent / barsExpected. VaR/ES keys are named by horizon and method as the stored
 * columns (docs/metrics.md): {@code var99_1m}, {@code var99_1d_hs}, {@code var99_1d_ewma}, {@code window_days}, ….
 */
@Path("/metrics/daily")
public class DailyMetricsResource {

    private final MetricsHistory history;

    public DailyMetricsResource(MetricsHistory history) {
        this.history = history;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> daily(@QueryParam("symbol") String symbol) {
        if (symbol == null || symbol.isBlank()) throw new BadRequestException("symbol is required");
        return history.rows(symbol).values().stream().map(DailyMetricsResource::row).toList();
    }

    private static Map<String, Object> row(DailyRiskMetrics m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", m.date().toString());
        r.put("open", m.open()); r.put("high", m.high()); r.put("low", m.low()); r.put("close", m.close());
        r.put("logReturn", m.logReturn()); r.put("realizedVolatility", m.realizedVolatility());
        varEs(r, m.intraday1m(), "_1m");
        r.put("window_days", m.oneDay().windowDays());
        varEs(r, m.oneDay().historical(), "_1d_hs");
        r.put("sigma_1d_ewma", m.oneDay().ewmaSigma());
        varEs(r, m.oneDay().ewma(), "_1d_ewma");
        r.put("maxDrawdown", m.maxDrawdown()); r.put("anomalyCount", m.anomalyCount()); r.put("maxScore", m.maxScore());
        r.put("model", m.model()); r.put("modelVersion", m.modelVersion());
        r.put("barsPresent", m.barsPresent()); r.put("barsExpected", m.barsExpected());
        r.put("completeness", m.barsExpected() == 0 ? null : (double) m.barsPresent() / m.barsExpected());
        return r;
    }

    private static void varEs(Map<String, Object> r, VarEs v, String suffix) {
        r.put("var95" + suffix, v.var95()); r.put("es95" + suffix, v.es95());
        r.put("var99" + suffix, v.var99()); r.put("es99" + suffix, v.es99());
    }
}

package dev.riskplatform.batch.metrics;

import dev.riskplatform.batch.input.PartitionReader;
import dev.riskplatform.batch.output.DayOutputs;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.io.DailyMetricsParquet;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /metrics/daily?symbol=S}: every stored metrics/daily/ row of the symbol, oldest first,
 * read through the days' pointers and the partitions' manifests ({@link DayOutputs}; what the dashboard's
 * daily table shows).
 * {@code completeness} = barsPresent / barsExpected.
 */
@Path("/metrics/daily")
public class DailyMetricsResource {

    private final DayOutputs outputs;
    private final PartitionReader reader;
    private final DailyMetricsParquet codec = new DailyMetricsParquet();

    public DailyMetricsResource(DayOutputs outputs, PartitionReader reader) {
        this.outputs = outputs;
        this.reader = reader;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> daily(@QueryParam("symbol") String symbol) {
        if (symbol == null || symbol.isBlank()) throw new BadRequestException("symbol is required");
        List<DailyRiskMetrics> rows = new ArrayList<>();
        outputs.metricsPartitions(symbol).values()
                .forEach(prefix -> reader.read(prefix).files().forEach(f -> rows.addAll(codec.read(f))));
        return rows.stream().sorted(Comparator.comparing(DailyRiskMetrics::date)).map(DailyMetricsResource::row).toList();
    }

    private static Map<String, Object> row(DailyRiskMetrics m) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("date", m.date().toString());
        r.put("open", m.open()); r.put("high", m.high()); r.put("low", m.low()); r.put("close", m.close());
        r.put("logReturn", m.logReturn()); r.put("realizedVolatility", m.realizedVolatility());
        r.put("var95", m.var95()); r.put("es95", m.es95()); r.put("var99", m.var99()); r.put("es99", m.es99());
        r.put("maxDrawdown", m.maxDrawdown()); r.put("anomalyCount", m.anomalyCount()); r.put("maxScore", m.maxScore());
        r.put("model", m.model()); r.put("modelVersion", m.modelVersion());
        r.put("barsPresent", m.barsPresent()); r.put("barsExpected", m.barsExpected());
        r.put("completeness", m.barsExpected() == 0 ? null : (double) m.barsPresent() / m.barsExpected());
        return r;
    }
}

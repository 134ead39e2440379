package dev.riskplatform.batch.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.risk.BacktestRow;
import dev.riskplatform.core.risk.Backtests;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The symbol's VaR backtest table (docs/metrics.md "Backtesting"): risk-core's {@link Backtests} over every stored
 * metrics/daily/ row, written as one JSON object at {@link AnalyticsKeys#backtestKey} (one PUT replaces it whole):
 * {@code {"version":1,"symbol":S,"through":D,"rows":[{method, confidence, observations, exceedances, …}]}}.
 */
@ApplicationScoped
public class BacktestTable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MetricsHistory history;
    private final ObjectStore store;

    public BacktestTable(MetricsHistory history, ObjectStore store) {
        this.history = history;
        this.store = store;
    }

    /** Recomputes the symbol's table from its stored rows and replaces the object; answers its key. */
    public String write(String symbol) {
        TreeMap<LocalDate, DailyRiskMetrics> rows = history.rows(symbol);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("symbol", symbol);
        doc.put("through", rows.isEmpty() ? null : rows.lastKey().toString());
        doc.put("rows", Backtests.of(symbol, List.copyOf(rows.values())).stream().map(BacktestTable::row).toList());
        String key = AnalyticsKeys.backtestKey(symbol);
        try {
            store.put(key, JSON.writeValueAsBytes(doc), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    /** The stored table, or empty before the symbol's first run. */
    public Optional<byte[]> read(String symbol) {
        return store.get(AnalyticsKeys.backtestKey(symbol));
    }

    private static Map<String, Object> row(BacktestRow b) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("method", b.method()); r.put("confidence", b.confidence());
        r.put("from", b.from() == null ? null : b.from().toString()); r.put("to", b.to() == null ? null : b.to().toString());
        r.put("observations", b.observations()); r.put("exceedances", b.exceedances());
        r.put("expectedRate", b.expectedRate()); r.put("exceedanceRate", b.exceedanceRate());
        r.put("lrPof", b.lrPof()); r.put("pPof", b.pPof());
        r.put("n00", b.n00()); r.put("n01", b.n01()); r.put("n10", b.n10()); r.put("n11", b.n11());
        r.put("lrInd", b.lrInd()); r.put("pInd", b.pInd()); r.put("lrCc", b.lrCc()); r.put("pCc", b.pCc());
        return r;
    }
}

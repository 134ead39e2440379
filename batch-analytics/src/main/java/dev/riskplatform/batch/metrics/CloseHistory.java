package dev.riskplatform.batch.metrics;

import dev.riskplatform.batch.input.PartitionReader;
import dev.riskplatform.core.risk.DailyRiskCalculator;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.io.DailyMetricsParquet;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Daily closes of the {@link DailyRiskCalculator#HISTORY_DAYS} days before a date, from the stored
 * metrics/daily/ partitions (manifest-only reads); NaN for days without metrics. One paginated
 * listing finds which days exist, then only those are read.
 */
@ApplicationScoped
public class CloseHistory {

    private final ObjectStore store;
    private final PartitionReader reader;
    private final DailyMetricsParquet codec = new DailyMetricsParquet();

    public CloseHistory(ObjectStore store, PartitionReader reader) {
        this.store = store;
        this.reader = reader;
    }

    /** {@code result[j]} = close of day {@code date − H + j}, H = HISTORY_DAYS. */
    public double[] before(String symbol, LocalDate date) {
        int h = DailyRiskCalculator.HISTORY_DAYS;
        double[] closes = new double[h];
        Arrays.fill(closes, Double.NaN);
        Set<String> manifests = store.list(AnalyticsKeys.metricsSymbolPrefix(symbol)).stream()
                .map(o -> o.key()).filter(k -> k.endsWith(PartitionKeys.MANIFEST)).collect(Collectors.toSet());
        for (int j = 0; j < h; j++) {
            String prefix = AnalyticsKeys.metricsPrefix(symbol, date.minusDays(h - j));
            if (!manifests.contains(PartitionKeys.manifest(prefix))) continue;
            for (byte[] file : reader.read(prefix).files()) {
                for (DailyRiskMetrics m : codec.read(file)) closes[j] = m.close();
            }
        }
        return closes;
    }
}

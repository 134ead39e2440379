package dev.riskplatform.batch.metrics;

import dev.riskplatform.batch.input.PartitionReader;
import dev.riskplatform.batch.output.DayOutputs;
import dev.riskplatform.core.risk.DailyRiskCalculator;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.io.DailyMetricsParquet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * Daily closes of the {@link DailyRiskCalculator#HISTORY_DAYS} days before a date, from the stored
 * metrics/daily/ partitions the days' pointers name ({@link DayOutputs}, manifest-only reads); NaN for
 * days without metrics. One paginated listing finds which days exist, then only those are read.
 */
@ApplicationScoped
public class CloseHistory {

    private final DayOutputs outputs;
    private final PartitionReader reader;
    private final DailyMetricsParquet codec = new DailyMetricsParquet();

    public CloseHistory(DayOutputs outputs, PartitionReader reader) {
        this.outputs = outputs;
        this.reader = reader;
    }

    /** {@code result[j]} = close of day {@code date − H + j}, H = HISTORY_DAYS. */
    public double[] before(String symbol, LocalDate date) {
        int h = DailyRiskCalculator.HISTORY_DAYS;
        double[] closes = new double[h];
        Arrays.fill(closes, Double.NaN);
        Map<LocalDate, String> partitions = outputs.metricsPartitions(symbol);
        for (int j = 0; j < h; j++) {
            String prefix = partitions.get(date.minusDays(h - j));
            if (prefix == null) continue;
            for (byte[] file : reader.read(prefix).files()) {
                for (DailyRiskMetrics m : codec.read(file)) closes[j] = m.close();
            }
        }
        return closes;
    }
}

package dev.riskplatform.batch.metrics;

import dev.riskplatform.core.risk.DailyRiskCalculator;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * Daily closes of the {@link DailyRiskCalculator#HISTORY_DAYS} days before a date (the 1-day VaR's 250-day window),
 * from the stored metrics/daily/ rows ({@link MetricsHistory}: one listing, then only the window's partitions,
 * cached); NaN for days without metrics.
 */
@ApplicationScoped
public class CloseHistory {

    private final MetricsHistory history;

    public CloseHistory(MetricsHistory history) {
        this.history = history;
    }

    /** {@code result[j]} = close of day {@code date − H + j}, H = HISTORY_DAYS. */
    public double[] before(String symbol, LocalDate date) {
        int h = DailyRiskCalculator.HISTORY_DAYS;
        double[] closes = new double[h];
        Arrays.fill(closes, Double.NaN);
        Map<LocalDate, String> partitions = history.partitions(symbol);
        for (int j = 0; j < h; j++) {
            String prefix = partitions.get(date.minusDays(h - j));
            if (prefix == null) continue;
            for (DailyRiskMetrics m : history.partition(prefix)) closes[j] = m.close();
        }
        return closes;
    }
}

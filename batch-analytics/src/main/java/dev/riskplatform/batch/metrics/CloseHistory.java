package dev.riskplatform.batch.metrics;

import dev.riskplatform.core.risk.DailyRiskCalculator;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * Daily closes of the {@link DailyRiskCalculator#HISTORY_DAYS} days before a date (the 1-day VaR's 250-day window),
 * from the stored metrics/daily/ rows ({@link MetricsHistory}: one listing, then the window's partitions in parallel).
 */
@ApplicationScoped
public class CloseHistory {

    private final MetricsHistory history;

    public CloseHistory(MetricsHistory history) {
        this.history = history;
    }

    /** The stored closes a run of [from, to] reads: days from {@code from − H} through {@code to}. */
    public RunCloses forRun(String symbol, LocalDate from, LocalDate to) {
        Map<LocalDate, Double> closes = new TreeMap<>();
        history.rows(symbol, from.minusDays(DailyRiskCalculator.HISTORY_DAYS), to).forEach((d, m) -> closes.put(d, m.close()));
        return new RunCloses(closes);
    }
}

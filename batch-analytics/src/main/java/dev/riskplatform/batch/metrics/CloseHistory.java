package dev.riskplatform.batch.metrics;

import dev.riskplatform.core.risk.DailyRiskCalculator;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

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

    /**
     * The stored closes a run of [from, to] reads: days from {@code from − H} through {@code to}. A partition that
     * cannot be read (damaged, gone) is kept as its error: only the days whose window holds it fail, as they would
     * reading it themselves.
     */
    public RunCloses forRun(String symbol, LocalDate from, LocalDate to) {
        Map<LocalDate, String> partitions = history.partitions(symbol, from.minusDays(DailyRiskCalculator.HISTORY_DAYS), to);
        List<LocalDate> dates = List.copyOf(partitions.keySet());
        List<Read> read = history.inParallel(dates.stream().<Supplier<Read>>map(d -> () -> read(partitions.get(d))).toList());
        Map<LocalDate, Double> closes = new TreeMap<>();
        Map<LocalDate, RuntimeException> unreadable = new TreeMap<>();
        for (int i = 0; i < dates.size(); i++) {
            Read r = read.get(i);
            if (r.error() != null) unreadable.put(dates.get(i), r.error());
            else for (DailyRiskMetrics m : r.rows()) closes.put(m.date(), m.close());
        }
        return new RunCloses(closes, unreadable);
    }

    private record Read(List<DailyRiskMetrics> rows, RuntimeException error) {
    }

    private Read read(String prefix) {
        try {
            return new Read(history.partition(prefix), null);
        } catch (RuntimeException e) {
            return new Read(null, e);
        }
    }
}

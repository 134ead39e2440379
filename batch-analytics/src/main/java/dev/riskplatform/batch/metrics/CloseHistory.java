package dev.riskplatform.batch.metrics;

import dev.riskplatform.batch.output.DayOutputs;
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
     * The stored closes a run of [from, to] reads, from one listing of days {@code from − H} through {@code to}: the
     * days before {@code from} read now, in parallel; a stored day of [from, to] only when a later day's window needs it
     * and the run did not compute it ({@link RunCloses}): a run computing every day of its range reads none of them.
     * A partition that cannot be read (damaged, gone) is kept as its error: only the days whose window holds it fail,
     * as they would reading it themselves.
     */
    public RunCloses forRun(String symbol, LocalDate from, LocalDate to) {
        TreeMap<LocalDate, DayOutputs.StoredDay> stored = new TreeMap<>(
                history.storedDays(symbol, from.minusDays(DailyRiskCalculator.HISTORY_DAYS), to));
        List<LocalDate> dates = List.copyOf(stored.headMap(from).keySet());
        List<Read> read = history.inParallel(dates.stream().<Supplier<Read>>map(d -> () -> read(stored.get(d))).toList());
        Map<LocalDate, Double> closes = new TreeMap<>();
        Map<LocalDate, RuntimeException> unreadable = new TreeMap<>();
        for (int i = 0; i < dates.size(); i++) {
            Read r = read.get(i);
            if (r.error() != null) unreadable.put(dates.get(i), r.error());
            else for (DailyRiskMetrics m : r.rows()) closes.put(m.date(), m.close());
        }
        return new RunCloses(closes, unreadable, stored.tailMap(from).keySet(), d -> closeOf(d, read(stored.get(d))));
    }

    /** The stored close of {@code date}, null when its partition holds no row of it; the partition's error thrown. */
    private static Double closeOf(LocalDate date, Read r) {
        if (r.error() != null) throw r.error();
        return r.rows().stream().filter(m -> m.date().equals(date)).map(DailyRiskMetrics::close).findFirst().orElse(null);
    }

    private record Read(List<DailyRiskMetrics> rows, RuntimeException error) {
    }

    private Read read(DayOutputs.StoredDay day) {
        try {
            return new Read(history.storedRows(day), null);
        } catch (RuntimeException e) {
            return new Read(null, e);
        }
    }
}

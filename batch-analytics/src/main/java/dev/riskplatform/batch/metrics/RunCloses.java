package dev.riskplatform.batch.metrics;

import dev.riskplatform.core.risk.DailyRiskCalculator;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The daily closes one range run reads for its 1-day VaR windows ({@link DailyRiskCalculator#HISTORY_DAYS} days
 * before each day): the stored ones before the run's range, read when the run starts ({@link CloseHistory#forRun}),
 * and the closes the run computes as it goes. A stored day inside the range is read only if a window needs it and the
 * run did not compute it (a missing or failed day). Days are computed in date order, so a day sees exactly the closes
 * it would read back from metrics/daily/ had every earlier day of the run been written before it.
 */
public final class RunCloses {

    private final Map<LocalDate, Double> closes;
    private final Map<LocalDate, RuntimeException> unreadable;
    private final Set<LocalDate> unread;
    private final Function<LocalDate, Double> readStored;

    /**
     * @param unread     stored days not read yet (the run's range)
     * @param readStored a stored day's close (null when its partition has none), or the exception reading it threw
     */
    RunCloses(Map<LocalDate, Double> stored, Map<LocalDate, RuntimeException> unreadable, Set<LocalDate> unread,
              Function<LocalDate, Double> readStored) {
        this.closes = new TreeMap<>(stored);
        this.unreadable = new TreeMap<>(unreadable);
        this.unread = new TreeSet<>(unread);
        this.readStored = readStored;
    }

    /**
     * {@code result[j]} = close of day {@code date − H + j}, H = HISTORY_DAYS; NaN for days without metrics.
     * @throws IllegalStateException when a stored day of the window could not be read (and the run did not recompute it)
     */
    public double[] before(LocalDate date) {
        int h = DailyRiskCalculator.HISTORY_DAYS;
        double[] out = new double[h];
        Arrays.fill(out, Double.NaN);
        for (int j = 0; j < h; j++) {
            LocalDate d = date.minusDays(h - j);
            if (unread.remove(d)) read(d);
            RuntimeException e = unreadable.get(d);
            if (e != null) throw new IllegalStateException("stored metrics of " + d + " unreadable: " + e.getMessage(), e);
            Double c = closes.get(d);
            if (c != null) out[j] = c;
        }
        return out;
    }

    private void read(LocalDate d) {
        try {
            Double c = readStored.apply(d);
            if (c != null) closes.put(d, c);
        } catch (RuntimeException e) {
            unreadable.put(d, e);
        }
    }

    /** The close the run computed for {@code date}: later days of the run read it instead of the stored one. */
    public void record(LocalDate date, double close) {
        closes.put(date, close);
        unreadable.remove(date);
        unread.remove(date);
    }
}

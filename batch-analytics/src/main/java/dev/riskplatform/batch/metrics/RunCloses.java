package dev.riskplatform.batch.metrics;

import dev.riskplatform.core.risk.DailyRiskCalculator;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The daily closes one range run reads for its 1-day VaR windows ({@link DailyRiskCalculator#HISTORY_DAYS} days
 * before each day): the stored ones, read once when the run starts ({@link CloseHistory#forRun}), each replaced by
 * the close the run computes for that day as it goes. Days are computed in date order, so a day sees exactly the
 * closes it would read back from metrics/daily/ had every earlier day of the run been written before it.
 */
public final class RunCloses {

    private final Map<LocalDate, Double> closes;
    private final Map<LocalDate, RuntimeException> unreadable;

    RunCloses(Map<LocalDate, Double> stored, Map<LocalDate, RuntimeException> unreadable) {
        this.closes = new TreeMap<>(stored);
        this.unreadable = new TreeMap<>(unreadable);
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
            RuntimeException e = unreadable.get(d);
            if (e != null) throw new IllegalStateException("stored metrics of " + d + " unreadable: " + e.getMessage(), e);
            Double c = closes.get(d);
            if (c != null) out[j] = c;
        }
        return out;
    }

    /** The close the run computed for {@code date}: later days of the run read it instead of the stored one. */
    public void record(LocalDate date, double close) {
        closes.put(date, close);
        unreadable.remove(date);
    }
}

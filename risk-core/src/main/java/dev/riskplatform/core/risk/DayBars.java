package dev.riskplatform.core.risk;

/**
 * Columns of one day's valid bars in time order (arrays are shared, not copied). {@code gap[i]} marks a
 * gap bar (no trade in the interval, OHLC = previous close, volume 0), as a writer may store them in
 * raw/bars/: it is not an observation, and {@link DailyRiskCalculator} skips it.
 */
public record DayBars(long[] openTime, double[] open, double[] high, double[] low, double[] close, boolean[] gap) {

    public DayBars {
        int n = openTime.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || gap.length != n) {
            throw new IllegalArgumentException("day bar columns differ in length");
        }
    }

    /** Real bars only (no gap bars). */
    public DayBars(long[] openTime, double[] open, double[] high, double[] low, double[] close) {
        this(openTime, open, high, low, close, new boolean[openTime.length]);
    }

    public int size() {
        return openTime.length;
    }

    /** Bars that are observations (gap = false). */
    public int realSize() {
        int n = 0;
        for (boolean g : gap) if (!g) n++;
        return n;
    }

    /** These columns without the gap bars (this instance when there is none). */
    public DayBars realOnly() {
        int n = realSize();
        if (n == size()) return this;
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        for (int i = 0, j = 0; i < size(); i++) {
            if (gap[i]) continue;
            t[j] = openTime[i];
            o[j] = open[i];
            h[j] = high[i];
            l[j] = low[i];
            c[j] = close[i];
            j++;
        }
        return new DayBars(t, o, h, l, c);
    }
}

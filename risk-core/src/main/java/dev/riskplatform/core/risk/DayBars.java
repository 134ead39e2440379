package dev.riskplatform.core.risk;

/** Columns of one day's valid bars in time order (arrays are shared, not copied). */
public record DayBars(long[] openTime, double[] open, double[] high, double[] low, double[] close) {

    public DayBars {
        int n = openTime.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n) {
            throw new IllegalArgumentException("day bar columns differ in length");
        }
    }

    public int size() {
        return openTime.length;
    }
}

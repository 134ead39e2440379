package dev.riskplatform.core.risk;

/**
 * Trend of the daily close. {@code history[j]} is the close of calendar day d − H + j
 * (j = 0..H−1, H = history.length), NaN when that day has no close; {@code close} is day d's.
 */
public final class DailyCloseTrend {

    /** EMA look-back in multiples of N: a seed older than 3N days weighs (1 − α)^(2N) ≈ e^−4 ≈ 2 %. */
    public static final int EMA_WINDOW_FACTOR = 3;

    private DailyCloseTrend() {
    }

    /** Daily log return ln(close_d / close_{d−1}); null when day d − 1 has no close. */
    public static Double logReturn(double[] history, double close) {
        double prev = history.length == 0 ? Double.NaN : history[history.length - 1];
        return Double.isNaN(prev) ? null : Math.log(close / prev);
    }

    /** SMA_N = (1/N) Σ close over days d−N+1..d; null unless all N days have a close. */
    public static Double sma(double[] history, double close, int n) {
        if (history.length < n - 1) return null;
        double sum = close;
        for (int j = history.length - (n - 1); j < history.length; j++) {
            if (Double.isNaN(history[j])) return null;
            sum += history[j];
        }
        return sum / n;
    }

    /**
     * EMA_N with α = 2 / (N + 1) over the closes present in days d − 3N + 1..d (missing days skipped):
     * seeded with the SMA of the first N of those closes, then {@code e = α·c + (1 − α)·e} for each later
     * close up to day d. Null when fewer than N closes are present. A pure function of stored closes, so a
     * re-run of any day gives the same value whatever order days were computed in.
     */
    public static Double ema(double[] history, double close, int n) {
        int window = EMA_WINDOW_FACTOR * n;
        double[] xs = new double[window];
        int m = 0;
        for (int j = Math.max(0, history.length - (window - 1)); j < history.length; j++) {
            if (!Double.isNaN(history[j])) xs[m++] = history[j];
        }
        xs[m++] = close;
        if (m < n) return null;
        double alpha = 2.0 / (n + 1);
        double e = 0;
        for (int i = 0; i < n; i++) e += xs[i];
        e /= n;
        for (int i = n; i < m; i++) e = alpha * xs[i] + (1 - alpha) * e;
        return e;
    }
}

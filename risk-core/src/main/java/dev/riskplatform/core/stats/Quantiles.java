package dev.riskplatform.core.stats;

/** numpy's default ("linear") percentile, so thresholds match sklearn's {@code np.percentile}. */
public final class Quantiles {

    private Quantiles() {
    }

    /** q in [0, 1] over a sorted array: pos = q (n-1); v = a[lo] + (a[lo+1] - a[lo]) (pos - lo). */
    public static double linear(double[] sorted, double q) {
        if (sorted.length == 0) throw new IllegalArgumentException("no values");
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        if (lo >= sorted.length - 1) return sorted[sorted.length - 1];
        double frac = pos - lo;
        return sorted[lo] + (sorted[lo + 1] - sorted[lo]) * frac;
    }
}

package dev.riskplatform.core.features;

/**
 * Mean and sample variance of the last {@code window} values, O(1) per value.
 *
 * <p>Sliding Welford: replacing x_old by x_new in a full window of size w,
 * mean' = mean + (x_new - x_old) / w and M2' = M2 + (x_new - x_old)(x_new - mean' + x_old - mean).
 * Removal is not exact in floating point, so the state is recomputed exactly (corrected
 * two-pass) from the ring buffer every max(w, 1024) values (amortized O(1)), and also as soon
 * as M2 falls below 1e-3 of its peak since the last recomputation: removing a large value
 * leaves an absolute error of about eps * peak that would dominate a much smaller M2.
 * The schedule depends only on the values, so two runs over the same input are bit-identical.
 */
final class RollingStats {

    private static final int MIN_EXACT_PERIOD = 1024;
    private static final double DECAY_TRIGGER = 1e-3;

    private final double[] buf;
    private final int exactPeriod;
    // Reciprocals of w and w - 1: a multiply instead of a divide on the hot path.
    private final double invW, invWm1;
    private int count, pos, sinceExact;
    private double mean, m2, m2Peak;

    RollingStats(int window) {
        buf = new double[window];
        exactPeriod = Math.max(window, MIN_EXACT_PERIOD);
        invW = 1.0 / window;
        invWm1 = 1.0 / (window - 1);
    }

    void push(double x) {
        int w = buf.length;
        if (count < w) {
            // Welford add: d = x - mean; mean += d / n; M2 += d (x - mean').
            buf[pos] = x;
            double d = x - mean;
            mean += d / ++count;
            m2 += d * (x - mean);
        } else {
            double old = buf[pos];
            buf[pos] = x;
            double d = x - old;
            double newMean = mean + d * invW;
            m2 += d * ((x - newMean) + (old - mean));
            mean = newMean;
        }
        if (++pos == w) pos = 0;
        if (m2 > m2Peak) m2Peak = m2;
        if (++sinceExact >= exactPeriod || m2 < m2Peak * DECAY_TRIGGER) recompute();
    }

    /** Corrected two-pass: mean = sum / n; M2 = sum (x - mean)^2 - (sum (x - mean))^2 / n. */
    private void recompute() {
        double sum = 0;
        for (int i = 0; i < count; i++) sum += buf[i];
        double mu = sum / count, sq = 0, c = 0;
        for (int i = 0; i < count; i++) {
            double d = buf[i] - mu;
            sq += d * d;
            c += d;
        }
        mean = mu;
        m2 = Math.max(0.0, sq - c * c / count);
        m2Peak = m2;
        sinceExact = 0;
    }

    boolean isFull() {
        return count == buf.length;
    }

    double mean() {
        return mean;
    }

    /** Sample standard deviation, ddof = 1: sqrt(M2 / (n - 1)). */
    double sampleStd() {
        if (count < 2) return 0.0;
        double v = Math.max(0.0, m2);
        return Math.sqrt(count == buf.length ? v * invWm1 : v / (count - 1));
    }
}

package dev.riskplatform.core.features;

/**
 * The EWMA level and dispersion of a log quantity (volume, trade count), for a surprise
 * z = (x_t − m_{t−1}) / s_{t−1} against the bars <em>before</em> t. West's EW update with
 * a = 2 / (span + 1): d = x − m, m' = m + a·d, s²' = (1 − a)(s² + a·d²). The first value
 * sets m and leaves s² = 0.
 */
final class LogLevel {

    private final double a;
    private double mean, var;
    private boolean seen;

    LogLevel(int span) {
        this.a = 2.0 / (span + 1.0);
    }

    /** The surprise of {@code x} against the level so far, capped as {@link FeatureEngine#ratio}; 0 before any value. */
    double surprise(double x) {
        return seen ? FeatureEngine.ratio(x - mean, Math.sqrt(var)) : 0.0;
    }

    void push(double x) {
        if (!seen) {
            mean = x;
            seen = true;
            return;
        }
        double d = x - mean;
        mean += a * d;
        var = (1.0 - a) * (var + a * d * d);
    }
}

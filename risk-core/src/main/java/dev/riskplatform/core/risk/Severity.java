package dev.riskplatform.core.risk;

/**
 * How far an anomalous score lies above its threshold. For a score bounded by {@code max}
 * (the Isolation Forest's, in (0, 1]), as a share of the headroom left:
 * {@code f = (score - threshold) / (max - threshold)}, which makes bands comparable between models
 * whose thresholds differ (0.55 vs 0.70). For an unbounded score (tail-blend) relative to the
 * threshold: {@code f = 0.4 · (score - threshold) / threshold}, so CRITICAL starts at twice the threshold.
 * Bands: LOW f &lt; 0.1, MEDIUM f &lt; 0.2, HIGH f &lt; 0.4, CRITICAL otherwise.
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static Severity of(double score, double threshold) {
        return of(score, threshold, 1.0);
    }

    public static Severity of(double score, double threshold, double max) {
        if (!(score > threshold)) throw new IllegalArgumentException("score " + score + " is not above threshold " + threshold);
        double f;
        if (max == Double.POSITIVE_INFINITY) {
            f = threshold > 0 ? 0.4 * (score - threshold) / threshold : 1.0;
        } else {
            double headroom = max - threshold;
            // A threshold at or above the maximum leaves no headroom: anything above it is as bad as it gets.
            f = headroom > 0 ? (score - threshold) / headroom : 1.0;
        }
        if (f < 0.1) return LOW;
        if (f < 0.2) return MEDIUM;
        if (f < 0.4) return HIGH;
        return CRITICAL;
    }
}

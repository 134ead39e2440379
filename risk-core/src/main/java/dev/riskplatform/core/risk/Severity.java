package dev.riskplatform.core.risk;

/**
 * How far an anomalous score lies above its threshold, as a share of the headroom left:
 * {@code f = (score - threshold) / (1 - threshold)}. Isolation Forest scores live in (0, 1], so
 * the headroom makes bands comparable between models whose thresholds differ (0.55 vs 0.70).
 * Bands: LOW f &lt; 0.1, MEDIUM f &lt; 0.2, HIGH f &lt; 0.4, CRITICAL otherwise.
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    public static Severity of(double score, double threshold) {
        if (!(score > threshold)) throw new IllegalArgumentException("score " + score + " is not above threshold " + threshold);
        double headroom = 1.0 - threshold;
        // A threshold at or above 1 leaves no headroom: anything above it is as bad as it gets.
        double f = headroom > 0 ? (score - threshold) / headroom : 1.0;
        if (f < 0.1) return LOW;
        if (f < 0.2) return MEDIUM;
        if (f < 0.4) return HIGH;
        return CRITICAL;
    }
}

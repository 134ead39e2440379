package dev.riskplatform.io;

import java.util.Map;

/**
 * One row of processed/: a bar (real or gap-filled) with its features (by docs/features.md name, the
 * model's spec: absent before warm-up), the served score (higher = more anomalous; NaN before warm-up,
 * written as null), whether it is above the model's operating threshold, and the model, version and
 * scorer that scored it.
 */
public record ProcessedBar(String symbol, String interval, long openTime,
                           double open, double high, double low, double close, double volume, boolean gap,
                           Map<String, Double> features, double score, boolean anomaly, String model, int modelVersion,
                           String scorer) {

    public ProcessedBar {
        features = Map.copyOf(features);
    }

    /** A feature's value, NaN when the row has none of that name. */
    public double feature(String name) {
        Double v = features.get(name);
        return v == null ? Double.NaN : v;
    }
}

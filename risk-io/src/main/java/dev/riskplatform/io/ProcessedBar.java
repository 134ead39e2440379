package dev.riskplatform.io;

/**
 * One row of processed/: a bar (real or gap-filled) with its features, score and the model that
 * scored it. Features and score are NaN before warm-up (written as null).
 */
public record ProcessedBar(String symbol, String interval, long openTime,
                           double open, double high, double low, double close, double volume, boolean gap,
                           double logReturn, double volatility, double zScore, double momentum,
                           double score, boolean anomaly, String model, int modelVersion) {
}

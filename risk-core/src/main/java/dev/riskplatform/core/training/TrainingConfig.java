package dev.riskplatform.core.training;

import dev.riskplatform.core.forest.ServedScorer;

/**
 * How to fit, threshold and validate one Isolation Forest.
 *
 * @param trees              number of trees
 * @param maxSamples         ψ, rows per tree (capped at the training rows)
 * @param seed               RNG seed: same data + same seed = same forest
 * @param alertRate          target alert rate per bar (the operating point: alerts per day / bars per day); the threshold
 *                           is the (1 − rate) quantile of the served scores of the training rows
 * @param holdoutFraction    the last fraction of rows (in time) kept out of fitting and used for validation
 * @param alertRateFactor    validation: holdout alert rate must lie in [rate / factor, rate · factor]
 * @param minScoreSpread     validation: holdout p99 − p50 must exceed this (else the scores are degenerate)
 * @param scorer             the score that is served and thresholded
 */
public record TrainingConfig(int trees, int maxSamples, long seed, double alertRate, double holdoutFraction,
                             double alertRateFactor, double minScoreSpread, ServedScorer scorer) {

    public TrainingConfig {
        if (trees < 1) throw new IllegalArgumentException("trees must be >= 1, got " + trees);
        if (maxSamples < 2) throw new IllegalArgumentException("maxSamples must be >= 2, got " + maxSamples);
        if (!(alertRate > 0 && alertRate <= 0.5)) throw new IllegalArgumentException("alert rate (contamination) must be in (0, 0.5], got " + alertRate);
        if (!(holdoutFraction > 0 && holdoutFraction <= 0.5)) throw new IllegalArgumentException("holdoutFraction must be in (0, 0.5], got " + holdoutFraction);
        if (!(alertRateFactor >= 1)) throw new IllegalArgumentException("alertRateFactor must be >= 1, got " + alertRateFactor);
        if (!(minScoreSpread >= 0)) throw new IllegalArgumentException("minScoreSpread must be >= 0, got " + minScoreSpread);
        java.util.Objects.requireNonNull(scorer, "scorer");
    }

    /** The forest served as it is (the configuration before served scorers). */
    public TrainingConfig(int trees, int maxSamples, long seed, double alertRate, double holdoutFraction,
                          double alertRateFactor, double minScoreSpread) {
        this(trees, maxSamples, seed, alertRate, holdoutFraction, alertRateFactor, minScoreSpread, ServedScorer.ISOLATION_FOREST);
    }

    /** The default alerts per symbol per day: a handful a desk reads, not 1 % of bars (14 a day on one-minute bars). */
    public static final double DEFAULT_ALERTS_PER_DAY = 3;

    /** 100 trees, ψ = 256, 1 % alerts, last 20 % held out, alert rate within ×/÷ 3, p99 − p50 > 1e-3, the forest's score. */
    public static TrainingConfig defaults(long seed) {
        return new TrainingConfig(100, 256, seed, 0.01, 0.2, 3.0, 1e-3);
    }

    /** The served default for {@code spec}: tail-blend at {@link #DEFAULT_ALERTS_PER_DAY} alerts a day. */
    public static TrainingConfig served(long seed, dev.riskplatform.core.features.FeatureSpec spec) {
        return new TrainingConfig(100, 256, seed, DEFAULT_ALERTS_PER_DAY / spec.barsPerDay(), 0.2, 3.0, 1e-3, ServedScorer.TAIL_BLEND);
    }

    /** This configuration serving {@code s} at {@code alertsPerDay} on bars of {@code spec}. */
    public TrainingConfig withOperatingPoint(ServedScorer s, double alertsPerDay, dev.riskplatform.core.features.FeatureSpec spec) {
        return new TrainingConfig(trees, maxSamples, seed, alertsPerDay / spec.barsPerDay(), holdoutFraction, alertRateFactor,
                minScoreSpread, s);
    }
}

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

    // The training defaults, one place: the served() recipe below, the trainer's trainer.* settings (TrainerConfig's
    // @WithDefault reads these) and the evaluation (docs/evaluation.md) all start from them.
    public static final int DEFAULT_TREES = 100;
    /** ψ, scikit-learn's default. */
    public static final int DEFAULT_MAX_SAMPLES = 256;
    public static final long DEFAULT_SEED = 42;
    /** The default alerts per symbol per day: a handful a desk reads, not 1 % of bars (14 a day on one-minute bars). */
    public static final double DEFAULT_ALERTS_PER_DAY = 3;
    public static final double DEFAULT_HOLDOUT_FRACTION = 0.2;
    public static final double DEFAULT_ALERT_RATE_FACTOR = 3;
    public static final double DEFAULT_MIN_SCORE_SPREAD = 0.001;
    /** {@link ServedScorer#TAIL_BLEND}'s id, a constant so that annotations can name it. */
    public static final String DEFAULT_SCORER = "tail-blend";

    /**
     * The served default for {@code spec}: {@value #DEFAULT_TREES} trees, ψ = {@value #DEFAULT_MAX_SAMPLES}, tail-blend at
     * {@value #DEFAULT_ALERTS_PER_DAY} alerts a day (rate = alerts a day / bars a day), the last 20 % held out, holdout alert
     * rate within ×/÷ 3, p99 − p50 > 1e-3.
     */
    public static TrainingConfig served(long seed, dev.riskplatform.core.features.FeatureSpec spec) {
        return new TrainingConfig(DEFAULT_TREES, DEFAULT_MAX_SAMPLES, seed, DEFAULT_ALERTS_PER_DAY / spec.barsPerDay(),
                DEFAULT_HOLDOUT_FRACTION, DEFAULT_ALERT_RATE_FACTOR, DEFAULT_MIN_SCORE_SPREAD, ServedScorer.parse(DEFAULT_SCORER));
    }

    /** This configuration serving {@code s} at {@code alertsPerDay} on bars of {@code spec}. */
    public TrainingConfig withOperatingPoint(ServedScorer s, double alertsPerDay, dev.riskplatform.core.features.FeatureSpec spec) {
        return new TrainingConfig(trees, maxSamples, seed, alertsPerDay / spec.barsPerDay(), holdoutFraction, alertRateFactor,
                minScoreSpread, s);
    }
}

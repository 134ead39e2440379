package dev.riskplatform.core.eval;

import dev.riskplatform.core.features.FeatureMatrix;

/**
 * The plain rules the served scorer is compared with, and the earlier v1 blend. The v1 rules read
 * v1 columns (log_return, volatility, z_score), {@link #absReturnSigma} the v2 column return_sigma.
 */
public final class RuleScores {

    private RuleScores() {
    }

    /** |r_t|. */
    public static double[] absReturn(FeatureMatrix m) {
        double[] s = new double[m.rows()];
        for (int i = 0; i < s.length; i++) s[i] = Math.abs(m.get(i, 0));
        return s;
    }

    /** |r_t| / σ_t with σ_t the rolling volatility feature (window includes r_t); σ = 0 scores as |r| / 1e-12. */
    public static double[] absReturnOverVolatility(FeatureMatrix m) {
        double[] s = new double[m.rows()];
        for (int i = 0; i < s.length; i++) s[i] = Math.abs(m.get(i, 0)) / Math.max(m.get(i, 1), 1e-12);
        return s;
    }

    /** |z_t|: the platform z-score, whose window excludes r_t. */
    public static double[] absZScore(FeatureMatrix m) {
        double[] s = new double[m.rows()];
        for (int i = 0; i < s.length; i++) s[i] = Math.abs(m.get(i, 2));
        return s;
    }

    /**
     * The blend: c = (|r_t| / σ_t) · sqrt(s_IF / t_IF), the |r|/volatility rule weighted by how
     * isolated the Isolation Forest finds the whole feature row relative to its alert threshold
     * t_IF (the square root halves the forest's weight in log terms). A large ratio in a row the
     * forest finds ordinary (e.g. the first bars of a new volatility regime) is damped; an isolated
     * row needs a smaller ratio to alert. Chosen among a handful of variants on a 100k-bar run of
     * seed 2026 (see docs/evaluation.md), then reported on other seeds.
     */
    public static double[] blend(double[] absReturnOverVol, double[] ifScores, double ifThreshold) {
        double[] s = new double[absReturnOverVol.length];
        for (int i = 0; i < s.length; i++) s[i] = absReturnOverVol[i] * Math.sqrt(ifScores[i] / ifThreshold);
        return s;
    }

    /** |r_t| / σ̂_{t−1}: the v2 return_sigma, whose volatility excludes the bar (a robust EWMA, docs/features.md). */
    public static double[] absReturnSigma(FeatureMatrix v2) {
        double[] s = new double[v2.rows()];
        for (int i = 0; i < s.length; i++) s[i] = Math.abs(v2.get(i, 0));
        return s;
    }
}

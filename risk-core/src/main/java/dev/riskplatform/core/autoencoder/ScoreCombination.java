package dev.riskplatform.core.autoencoder;

/**
 * The documented combination of the Isolation Forest and the autoencoder: each score divided by
 * its own alert threshold (fitted on training rows at the same contamination), then the larger,
 * c = max(s_IF / t_IF, s_AE / t_AE). c > 1 exactly when either model alerts, so it keeps both
 * models' alert budgets as one rule, and needs nothing but the two scores (it works bar by bar).
 */
public final class ScoreCombination {

    private ScoreCombination() {
    }

    public static double max(double ifScore, double ifThreshold, double aeScore, double aeThreshold) {
        return Math.max(ifScore / ifThreshold, aeScore / aeThreshold); // max(s_IF / t_IF, s_AE / t_AE)
    }

    public static double[] max(double[] ifScores, double ifThreshold, double[] aeScores, double aeThreshold) {
        if (!(ifThreshold > 0) || !(aeThreshold > 0)) {
            throw new IllegalArgumentException("thresholds must be > 0, got " + ifThreshold + " and " + aeThreshold);
        }
        double[] c = new double[ifScores.length];
        for (int i = 0; i < c.length; i++) c[i] = max(ifScores[i], ifThreshold, aeScores[i], aeThreshold);
        return c;
    }
}

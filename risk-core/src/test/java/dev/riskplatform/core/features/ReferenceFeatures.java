package dev.riskplatform.core.features;

/**
 * Plain two-pass features straight from the definitions in docs/features.md: no rolling
 * state, every window summed afresh. Slow on purpose; only for comparison.
 */
final class ReferenceFeatures {

    private ReferenceFeatures() {}

    /** Row for bar i (i >= warm-up) of closes/gaps: {log_return, volatility, z_score, momentum}. */
    static double[] at(FeatureSpec s, double[] c, boolean[] gap, int i) {
        double r = ret(c, gap, i);
        double vol = std(c, gap, i - s.volatilityWindow() + 1, i);
        double mu = mean(c, gap, i - s.zScoreWindow(), i - 1);
        double sd = std(c, gap, i - s.zScoreWindow(), i - 1);
        double z;
        if (sd < FeatureEngine.STD_FLOOR) {
            z = Math.abs(r - mu) <= FeatureEngine.STD_FLOOR ? 0 : Math.copySign(FeatureEngine.Z_CAP, r - mu);
        } else {
            z = Math.max(-FeatureEngine.Z_CAP, Math.min(FeatureEngine.Z_CAP, (r - mu) / sd));
        }
        double mom = c[i] / c[i - s.momentumWindow()] - 1;
        return new double[] {r, vol < FeatureEngine.STD_FLOOR ? 0 : vol, z, mom};
    }

    static double ret(double[] c, boolean[] gap, int i) {
        return gap != null && gap[i] ? 0.0 : Math.log(c[i] / c[i - 1]);
    }

    static double mean(double[] c, boolean[] gap, int from, int to) {
        double sum = 0;
        for (int k = from; k <= to; k++) sum += ret(c, gap, k);
        return sum / (to - from + 1);
    }

    static double std(double[] c, boolean[] gap, int from, int to) {
        double mu = mean(c, gap, from, to), sq = 0;
        for (int k = from; k <= to; k++) {
            double d = ret(c, gap, k) - mu;
            sq += d * d;
        }
        return Math.sqrt(sq / (to - from));
    }
}

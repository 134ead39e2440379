package dev.riskplatform.core.portfolio;

/**
 * The RiskMetrics covariance of the symbols' daily log returns (zero mean, λ-weighted, the weights normalised over
 * the finite window as the single-symbol EWMA σ of {@code OneDayRisk}). With the window's common days
 * k = 1..n oldest first and r_{k,i} symbol i's return on day k:
 * <pre>
 *   Σ_ij = Σ_{m=0}^{n−1} λ^m r_{n−m,i} r_{n−m,j}  /  Σ_{m=0}^{n−1} λ^m          (the newest day has weight 1)
 *   ρ_ij = Σ_ij / sqrt(Σ_ii Σ_jj)
 * </pre>
 * Σ_ii is exactly the single-symbol EWMA σ² over the same days.
 */
public final class EwmaCovariance {

    private EwmaCovariance() {
    }

    /** Σ from {@code returns[k][i]} (day k oldest first, symbol i). */
    public static double[][] of(double[][] returns, double lambda) {
        int s = returns.length == 0 ? 0 : returns[0].length;
        double[][] cov = new double[s][s];
        double weight = 1, total = 0;
        for (int k = returns.length - 1; k >= 0; k--) {
            double[] r = returns[k];
            for (int i = 0; i < s; i++) {
                for (int j = 0; j <= i; j++) cov[i][j] += weight * r[i] * r[j];
            }
            total += weight;
            weight *= lambda;
        }
        for (int i = 0; i < s; i++) {
            for (int j = 0; j <= i; j++) cov[j][i] = cov[i][j] /= total;
        }
        return cov;
    }

    /** ρ from Σ; null where a symbol's variance is 0 (a constant price has no correlation). */
    public static Double[][] correlation(double[][] cov) {
        int s = cov.length;
        Double[][] rho = new Double[s][s];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < s; j++) {
                double d = Math.sqrt(cov[i][i] * cov[j][j]);
                rho[i][j] = d > 0 ? cov[i][j] / d : null;
            }
        }
        return rho;
    }

    /** (Σw)_i. */
    static double[] times(double[][] cov, double[] w) {
        double[] out = new double[w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) out[i] += cov[i][j] * w[j];
        }
        return out;
    }

    /** σ_p² = wᵀ Σ w. */
    static double variance(double[][] cov, double[] w) {
        double[] sw = times(cov, w);
        double v = 0;
        for (int i = 0; i < w.length; i++) v += w[i] * sw[i];
        return v;
    }
}

package dev.riskplatform.core.risk;

import dev.riskplatform.core.stats.ChiSquare;

/**
 * The likelihood-ratio tests of a VaR's exceedances. With T observations, x exceedances and the expected
 * exceedance rate p = 1 − confidence (0 · ln 0 taken as 0 throughout):
 * <pre>
 *   Kupiec POF:  LR_pof = −2 ln[(1 − p)^(T−x) p^x] + 2 ln[(1 − x/T)^(T−x) (x/T)^x]               ~ χ²(1)
 *   Christoffersen independence, from the transition counts n_ij (day t in state i, day t+1 in state j,
 *   1 = exceedance), π01 = n01/(n00 + n01), π11 = n11/(n10 + n11), π = (n01 + n11)/(n00 + n01 + n10 + n11):
 *                LR_ind = −2 ln[(1 − π)^(n00+n10) π^(n01+n11)]
 *                         + 2 ln[(1 − π01)^n00 π01^n01 (1 − π11)^n10 π11^n11]                       ~ χ²(1)
 *   conditional coverage: LR_cc = LR_pof + LR_ind                                                   ~ χ²(2)
 * </pre>
 * P-values are the upper tails ({@link ChiSquare}).
 */
public final class VarBacktest {

    private VarBacktest() {
    }

    /** Kupiec's LR_pof; T ≥ 1, 0 ≤ x ≤ T, 0 &lt; p &lt; 1. */
    public static double kupiecLr(int t, int x, double p) {
        if (t < 1 || x < 0 || x > t) throw new IllegalArgumentException("need 0 <= x <= T, T >= 1: T=" + t + " x=" + x);
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("expected rate must be in (0, 1), got " + p);
        double observed = (double) x / t;
        double null0 = xlog(t - x, 1 - p) + xlog(x, p);
        double alt = xlog(t - x, 1 - observed) + xlog(x, observed);
        return Math.max(0.0, -2 * null0 + 2 * alt); // ≥ 0 in exact arithmetic; rounding may give −1e−16
    }

    /** Christoffersen's LR_ind from the transition counts. */
    public static double christoffersenLr(long n00, long n01, long n10, long n11) {
        double pi01 = ratio(n01, n00 + n01), pi11 = ratio(n11, n10 + n11);
        double pi = ratio(n01 + n11, n00 + n01 + n10 + n11);
        double null0 = xlog(n00 + n10, 1 - pi) + xlog(n01 + n11, pi);
        double alt = xlog(n00, 1 - pi01) + xlog(n01, pi01) + xlog(n10, 1 - pi11) + xlog(n11, pi11);
        return Math.max(0.0, -2 * null0 + 2 * alt);
    }

    /** n · ln(q), 0 when n = 0 (so 0 · ln 0 = 0). */
    private static double xlog(long n, double q) {
        return n == 0 ? 0.0 : n * Math.log(q);
    }

    private static double ratio(long a, long b) {
        return b == 0 ? 0.0 : (double) a / b;
    }

    public static double pValue1(double lr) {
        return ChiSquare.pValue1(lr);
    }

    public static double pValue2(double lr) {
        return ChiSquare.pValue2(lr);
    }
}

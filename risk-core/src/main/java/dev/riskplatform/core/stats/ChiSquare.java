package dev.riskplatform.core.stats;

/**
 * The chi-square distribution with 1 and 2 degrees of freedom in closed form (all the VaR backtests need):
 * <pre>
 *   1 dof: F₁(x) = P(Z² ≤ x) = erf(√(x/2)),   1 − F₁(x) = erfc(√(x/2))
 *   2 dof: F₂(x) = 1 − exp(−x/2),            1 − F₂(x) = exp(−x/2)
 * </pre>
 * for x ≥ 0 (0 below). P-values are the upper tails, computed directly so small ones keep their digits.
 */
public final class ChiSquare {

    private ChiSquare() {
    }

    public static double cdf1(double x) {
        return x <= 0 ? 0.0 : Normal.erf(Math.sqrt(x / 2.0));
    }

    /** P(χ²₁ &gt; x). */
    public static double pValue1(double x) {
        return x <= 0 ? 1.0 : Normal.erfc(Math.sqrt(x / 2.0));
    }

    public static double cdf2(double x) {
        return x <= 0 ? 0.0 : -Math.expm1(-x / 2.0);
    }

    /** P(χ²₂ &gt; x). */
    public static double pValue2(double x) {
        return x <= 0 ? 1.0 : Math.exp(-x / 2.0);
    }
}

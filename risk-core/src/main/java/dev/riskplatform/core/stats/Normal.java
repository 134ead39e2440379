package dev.riskplatform.core.stats;

/**
 * The standard normal distribution: density, complementary error function and quantile. Framework-free,
 * no tables: erfc by its series (|x| &lt; 1, where erfc &gt; 0.157 so 1 − erf keeps its digits) and by its
 * continued fraction (|x| ≥ 1, under 200 terms), both to ~1e-15 relative.
 */
public final class Normal {

    private static final double SQRT_PI = Math.sqrt(Math.PI);
    private static final double SQRT_2 = Math.sqrt(2.0);
    private static final double SQRT_2PI = Math.sqrt(2.0 * Math.PI);

    private Normal() {
    }

    /** φ(z) = exp(−z²/2) / √(2π). */
    public static double pdf(double z) {
        return Math.exp(-0.5 * z * z) / SQRT_2PI;
    }

    /** Φ(z) = erfc(−z/√2) / 2. */
    public static double cdf(double z) {
        return 0.5 * erfc(-z / SQRT_2);
    }

    /** erf(x) = 1 − erfc(x). */
    public static double erf(double x) {
        return 1.0 - erfc(x);
    }

    /** erfc(x) = (2/√π) ∫_x^∞ e^(−t²) dt; erfc(−x) = 2 − erfc(x). */
    public static double erfc(double x) {
        if (Double.isNaN(x)) return Double.NaN;
        if (x < 0) return 2.0 - erfc(-x);
        return x < 1.0 ? 1.0 - erfSeries(x) : erfcContinuedFraction(x);
    }

    /** erf(x) = (2/√π) e^(−x²) Σ_{n≥0} (2x²)ⁿ x / (1·3·…·(2n+1)): positive terms, no cancellation. */
    private static double erfSeries(double x) {
        double term = x, sum = x, twoX2 = 2.0 * x * x;
        for (int n = 1; term > 1e-17 * sum; n++) {
            term *= twoX2 / (2 * n + 1);
            sum += term;
        }
        return 2.0 / SQRT_PI * Math.exp(-x * x) * sum;
    }

    /**
     * erfc(x) = e^(−x²)/√π · 1 / (x + (1/2) / (x + 1 / (x + (3/2) / (x + …)))), partial numerators k/2,
     * evaluated by the modified Lentz method.
     */
    private static double erfcContinuedFraction(double x) {
        double tiny = 1e-300, f = x, c = x, d = 0;
        for (int k = 1; k < 10_000; k++) {
            double a = k / 2.0;
            d = x + a * d;
            d = d == 0 ? tiny : d;
            c = x + a / c;
            c = c == 0 ? tiny : c;
            d = 1.0 / d;
            double delta = c * d;
            f *= delta;
            if (Math.abs(delta - 1.0) < 1e-16) break;
        }
        return Math.exp(-x * x) / (SQRT_PI * f);
    }

    /**
     * z_p = Φ⁻¹(p) for 0 &lt; p &lt; 1: Acklam's rational approximation (relative error ≤ 1.15e-9), then one
     * Halley step on Φ(z) − p with {@link #cdf}, which brings it to full double precision.
     */
    public static double quantile(double p) {
        if (!(p > 0 && p < 1)) throw new IllegalArgumentException("p must be in (0, 1), got " + p);
        double z = acklam(p);
        double e = cdf(z) - p;
        double u = e * SQRT_2PI * Math.exp(0.5 * z * z);
        return z - u / (1.0 + 0.5 * z * u);
    }

    private static final double[] A = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
            1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    private static final double[] B = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
            6.680131188771972e+01, -1.328068155288572e+01};
    private static final double[] C = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
            -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    private static final double[] D = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
            3.754408661907416e+00};
    private static final double P_LOW = 0.02425;

    private static double acklam(double p) {
        if (p < P_LOW) return tail(Math.sqrt(-2 * Math.log(p)));
        if (p > 1 - P_LOW) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
        double q = p - 0.5, r = q * q;
        return (((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q
                / (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
    }

    private static double tail(double q) {
        return (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5])
                / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    }
}

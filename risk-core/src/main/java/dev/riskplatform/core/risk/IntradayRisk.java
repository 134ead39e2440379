package dev.riskplatform.core.risk;

import java.util.Arrays;

/**
 * Intraday risk from the closes of one day's real (non-gap) bars in time order. Returns are
 * {@code r_i = ln(c_i / c_{i-1})} between consecutive real bars (n bars give n-1 returns; a return
 * across missing minutes or gap bars spans them and counts once, so Σr² is the same as over a gap-filled
 * series, but the gap fills' zero returns are not in the sample VaR/ES are quantiles of). Callers pass real
 * bars only ({@link DailyRiskCalculator} drops gap bars first).
 */
public final class IntradayRisk {

    /** 24/7 crypto: 365 trading days a year. */
    public static final double DAYS_PER_YEAR = 365.0;

    private IntradayRisk() {
    }

    public static double[] logReturns(double[] closes) {
        double[] r = new double[Math.max(0, closes.length - 1)];
        for (int i = 1; i < closes.length; i++) r[i - 1] = Math.log(closes[i] / closes[i - 1]);
        return r;
    }

    /** Realized volatility, annualized: sqrt(Σ r_i²) × sqrt(365). Null without returns. */
    public static Double realizedVolatility(double[] returns) {
        if (returns.length == 0) return null;
        double sumSq = 0;
        for (double r : returns) sumSq += r * r;
        return Math.sqrt(sumSq) * Math.sqrt(DAYS_PER_YEAR);
    }

    /** Max drawdown on closes: max_t (1 − c_t / max_{s≤t} c_s), a fraction in [0, 1); 0 for a rising day. */
    public static double maxDrawdown(double[] closes) {
        double peak = Double.NEGATIVE_INFINITY, mdd = 0;
        for (double c : closes) {
            peak = Math.max(peak, c);
            mdd = Math.max(mdd, 1.0 - c / peak);
        }
        return mdd;
    }

    /** Returns sorted ascending (a copy), for {@link #valueAtRisk} and {@link #expectedShortfall}. */
    public static double[] sorted(double[] returns) {
        double[] s = returns.clone();
        Arrays.sort(s);
        return s;
    }

    /**
     * Historical VaR at confidence p, as a positive loss: the lower empirical quantile of the returns
     * at 1 − p, i.e. with returns sorted ascending r_(1) ≤ … ≤ r_(n), {@code VaR_p = −r_(k)} with
     * {@code k = max(1, ceil(n × (1 − p)))} (1-based). Null without returns.
     */
    public static Double valueAtRisk(double[] sortedReturns, double p) {
        if (sortedReturns.length == 0) return null;
        return -sortedReturns[quantileIndex(sortedReturns.length, p)];
    }

    /** Expected Shortfall: −mean of the returns ≤ r_(k) (the VaR return, ties included). Null without returns. */
    public static Double expectedShortfall(double[] sortedReturns, double p) {
        if (sortedReturns.length == 0) return null;
        double q = sortedReturns[quantileIndex(sortedReturns.length, p)];
        double sum = 0;
        int count = 0;
        for (double r : sortedReturns) {
            if (r > q) break;
            sum += r;
            count++;
        }
        return -sum / count;
    }

    /** 0-based k − 1 with k = max(1, ceil(n(1 − p))); the small epsilon keeps n(1-p) = 72.00000000001 at 72. */
    static int quantileIndex(int n, double p) {
        long k = (long) Math.ceil(n * (1.0 - p) - 1e-9);
        return (int) Math.max(1, Math.min(n, k)) - 1;
    }
}

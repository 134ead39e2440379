package dev.riskplatform.core.risk;

import dev.riskplatform.core.stats.Normal;
import java.util.Arrays;

/**
 * 1-day VaR/ES at 95 % and 99 % forecast at the close of day d for day d + 1, from the daily log returns
 * {@code R_j = ln(C_j / C_{j−1})} of the {@link #WINDOW_DAYS} calendar days d − 249..d (C = daily close; a day
 * whose close or previous close is missing has no return and is skipped). {@code windowDays} = returns used
 * (n); below {@link #MIN_RETURNS} both methods are null. Losses are positive, in log-return units.
 * <ul>
 *   <li>historical simulation: the n returns' lower empirical quantile and tail mean, as the intraday
 *       ones ({@link IntradayRisk#valueAtRisk}, {@link IntradayRisk#expectedShortfall});</li>
 *   <li>parametric EWMA (RiskMetrics, zero mean, λ = 0.94), with the window's returns r_1..r_n oldest first:
 *       {@code σ² = Σ_{i=0}^{n−1} λ^i r²_{n−i} / Σ_{i=0}^{n−1} λ^i}, {@code VaR_p = z_p σ},
 *       {@code ES_p = σ φ(z_p) / (1 − p)}, z_p = Φ⁻¹(p), φ the normal density.</li>
 * </ul>
 */
public record OneDayRisk(int windowDays, VarEs historical, Double ewmaSigma, VarEs ewma) {

    public static final int WINDOW_DAYS = 250;
    /** Fewer returns than this give no 1-day VaR: at 99 % the quantile would be the sample minimum. */
    public static final int MIN_RETURNS = 20;
    public static final double LAMBDA = 0.94;

    /** {@code windowReturns}: R of days d − W + 1..d, oldest first, NaN where undefined. */
    public static OneDayRisk of(double[] windowReturns) {
        double[] r = Arrays.stream(windowReturns).filter(x -> !Double.isNaN(x)).toArray();
        if (r.length < MIN_RETURNS) return new OneDayRisk(r.length, VarEs.NONE, null, VarEs.NONE);
        double sigma = ewmaSigma(r, LAMBDA);
        return new OneDayRisk(r.length, historical(r), sigma, normal(sigma));
    }

    /** R of days d − H + 1..d from the closes of days d − H..d − 1 ({@code history}, NaN = none) and day d's close. */
    public static double[] dailyReturns(double[] history, double close) {
        int h = history.length;
        double[] r = new double[h];
        for (int j = 0; j < h; j++) {
            double prev = history[j], next = j + 1 < h ? history[j + 1] : close;
            r[j] = Math.log(next / prev); // NaN when either close is missing
        }
        return r;
    }

    /** k = max(1, ceil(n(1 − p))): VaR_p = −R_(k), ES_p = −mean{R ≤ R_(k)}, at p = 0.95 and 0.99 (also a portfolio's). */
    public static VarEs historical(double[] returns) {
        double[] s = IntradayRisk.sorted(returns);
        return new VarEs(IntradayRisk.valueAtRisk(s, 0.95), IntradayRisk.expectedShortfall(s, 0.95),
                IntradayRisk.valueAtRisk(s, 0.99), IntradayRisk.expectedShortfall(s, 0.99));
    }

    /** σ = sqrt(Σ_{i=0}^{n−1} λ^i r²_{n−i} / Σ λ^i), r_n the newest return. */
    static double ewmaSigma(double[] returns, double lambda) {
        double num = 0, den = 0, w = 1;
        for (int i = returns.length - 1; i >= 0; i--) {
            num += w * returns[i] * returns[i];
            den += w;
            w *= lambda;
        }
        return Math.sqrt(num / den);
    }

    /** VaR_p = z_p σ, ES_p = σ φ(z_p) / (1 − p), at p = 0.95 and 0.99 (also a portfolio's, σ = σ_p). */
    public static VarEs normal(double sigma) {
        return new VarEs(sigma * Normal.quantile(0.95), normalEs(sigma, 0.95),
                sigma * Normal.quantile(0.99), normalEs(sigma, 0.99));
    }

    /** ES_p = σ φ(z_p) / (1 − p). */
    private static double normalEs(double sigma, double p) {
        return sigma * Normal.pdf(Normal.quantile(p)) / (1.0 - p);
    }
}

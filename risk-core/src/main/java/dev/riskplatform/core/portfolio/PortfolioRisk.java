package dev.riskplatform.core.portfolio;

import dev.riskplatform.core.risk.OneDayRisk;
import dev.riskplatform.core.risk.VarEs;
import dev.riskplatform.core.stats.Normal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A portfolio's 1-day VaR/ES at 95 % and 99 % forecast at day d's close for day d + 1, on day d's positions
 * (weights w from d's closes, {@link Portfolio#weights}), over the window's common days (every member has a
 * return: {@link PortfolioRisks}). Losses are positive, in log-return units, as the single-symbol 1-day columns.
 * <ul>
 *   <li>the portfolio's return on window day k, exact for positions of weights w held through the day:
 *       {@code R_p,k = Σ_i w_i (e^{r_{k,i}} − 1)} (simple), {@code r_p,k = ln(1 + R_p,k) = ln Σ_i w_i e^{r_{k,i}}} (log);</li>
 *   <li>historical simulation: the lower empirical quantile and tail mean of the n values r_p,k, as the
 *       single-symbol one ({@link OneDayRisk#historical});</li>
 *   <li>parametric EWMA (delta-normal): {@code σ_p = sqrt(wᵀΣw)} with Σ the {@link EwmaCovariance} (λ = 0.94),
 *       {@code VaR_p = z_p σ_p}, {@code ES_p = σ_p φ(z_p) / (1 − p)} ({@link OneDayRisk#normal});</li>
 *   <li>{@link ComponentVar} per symbol (Euler allocation of the EWMA VaR) and the EWMA correlation matrix ρ.</li>
 * </ul>
 * With n &lt; {@link OneDayRisk#MIN_RETURNS} common days every estimate is null (the weights are still given).
 * A one-symbol portfolio gives exactly the symbol's own 1-day columns.
 */
public record PortfolioRisk(LocalDate date, Double value, int windowDays, VarEs historical, Double ewmaSigma, VarEs ewma,
                            List<ComponentVar> components, Double[][] correlation) {

    /** {@code window[k][i]}: symbol i's return on common day k, oldest first; {@code w} in the same symbol order. */
    public static PortfolioRisk of(LocalDate date, List<String> symbols, double[] w, Double value, double[][] window) {
        int n = window.length;
        if (n < OneDayRisk.MIN_RETURNS) {
            return new PortfolioRisk(date, value, n, VarEs.NONE, null, VarEs.NONE, components(symbols, w, null, 0), null);
        }
        double[] rp = new double[n];
        for (int k = 0; k < n; k++) rp[k] = logReturn(w, window[k]);
        double[][] cov = EwmaCovariance.of(window, OneDayRisk.LAMBDA);
        double sigma = Math.sqrt(EwmaCovariance.variance(cov, w));
        return new PortfolioRisk(date, value, n, OneDayRisk.historical(rp), sigma, OneDayRisk.normal(sigma),
                components(symbols, w, cov, sigma), EwmaCovariance.correlation(cov));
    }

    /** r_p = ln Σ_i w_i e^{r_i}: the log return of positions of weights w (Σ w_i = 1) over one day. */
    public static double logReturn(double[] w, double[] r) {
        double grossReturn = 0;
        for (int i = 0; i < w.length; i++) grossReturn += w[i] * Math.exp(r[i]);
        return Math.log(grossReturn);
    }

    /** CVaR_{i,p} = w_i (Σw)_i / σ_p × z_p; share_i = w_i (Σw)_i / σ_p² ({@link ComponentVar}). */
    static List<ComponentVar> components(List<String> symbols, double[] w, double[][] cov, double sigma) {
        double[] sw = cov == null ? null : EwmaCovariance.times(cov, w);
        double z95 = Normal.quantile(0.95), z99 = Normal.quantile(0.99);
        List<ComponentVar> out = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            if (sw == null || !(sigma > 0)) {
                out.add(new ComponentVar(symbols.get(i), w[i], null, null, null));
                continue;
            }
            double marginal = w[i] * sw[i] / sigma; // w_i (Σw)_i / σ_p
            out.add(new ComponentVar(symbols.get(i), w[i], marginal * z95, marginal * z99, marginal / sigma));
        }
        return out;
    }
}

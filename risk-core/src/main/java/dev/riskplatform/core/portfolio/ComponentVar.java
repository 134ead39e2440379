package dev.riskplatform.core.portfolio;

/**
 * Symbol i's share of the portfolio's parametric (EWMA) 1-day VaR, by Euler allocation: with the day's weights w,
 * the EWMA covariance Σ and σ_p = sqrt(wᵀΣw),
 * <pre>
 *   CVaR_{i,p} = w_i (Σw)_i / σ_p × z_p          Σ_i CVaR_{i,p} = wᵀΣw / σ_p × z_p = z_p σ_p = VaR_p
 *   share_i    = w_i (Σw)_i / σ_p²               (the same at 95 % and 99 %; the shares sum to 1)
 * </pre>
 * A negative CVaR is a hedge: the symbol lowers the portfolio's VaR at the margin. Null when σ_p = 0 or the
 * window is too short.
 */
public record ComponentVar(String symbol, double weight, Double var95, Double var99, Double share) {
}

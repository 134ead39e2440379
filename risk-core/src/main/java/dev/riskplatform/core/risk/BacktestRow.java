package dev.riskplatform.core.risk;

import java.time.LocalDate;

/**
 * One symbol's backtest of one 1-day VaR (method, confidence) over the stored history ({@link Backtests}):
 * observations T, exceedances x, the transition counts and the three LR statistics with their p-values
 * ({@link VarBacktest}). {@code from}/{@code to}: first and last day whose return was tested; the LR fields
 * are null when T = 0.
 */
public record BacktestRow(String symbol, String method, double confidence, LocalDate from, LocalDate to,
                          int observations, int exceedances, double expectedRate, Double exceedanceRate,
                          Double lrPof, Double pPof, long n00, long n01, long n10, long n11,
                          Double lrInd, Double pInd, Double lrCc, Double pCc) {
}

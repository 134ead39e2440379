package dev.riskplatform.core.risk;

import java.time.LocalDate;

/**
 * Builds {@link DailyRiskMetrics} from one day's valid bars (time order), the daily-close history
 * and the model's scores. Definitions:
 * <ul>
 *   <li>open/high/low/close: first open, max high, min low, last close of the day's valid bars;</li>
 *   <li>daily log return, SMA/EMA 7 and 30: {@link DailyCloseTrend};</li>
 *   <li>realized volatility, max drawdown, VaR/ES 95 % and 99 %: {@link IntradayRisk}.</li>
 * </ul>
 */
public final class DailyRiskCalculator {

    /** Calendar days of close history the trend needs: the EMA's 3 × 30-day window. */
    public static final int HISTORY_DAYS = DailyCloseTrend.EMA_WINDOW_FACTOR * 30;

    private DailyRiskCalculator() {
    }

    public static DailyRiskMetrics compute(String symbol, LocalDate date, DayBars bars, double[] closeHistory,
                                           DayScores scores, DayCompleteness completeness) {
        int n = bars.size();
        if (n == 0) throw new IllegalArgumentException("no valid bars for " + symbol + " " + date);
        double high = Double.NEGATIVE_INFINITY, low = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            high = Math.max(high, bars.high()[i]);
            low = Math.min(low, bars.low()[i]);
        }
        double close = bars.close()[n - 1];
        double[] returns = IntradayRisk.logReturns(bars.close());
        double[] sorted = IntradayRisk.sorted(returns);
        return new DailyRiskMetrics(symbol, date, bars.open()[0], high, low, close,
                DailyCloseTrend.logReturn(closeHistory, close), IntradayRisk.realizedVolatility(returns),
                DailyCloseTrend.sma(closeHistory, close, 7), DailyCloseTrend.sma(closeHistory, close, 30),
                DailyCloseTrend.ema(closeHistory, close, 7), DailyCloseTrend.ema(closeHistory, close, 30),
                IntradayRisk.maxDrawdown(bars.close()),
                IntradayRisk.valueAtRisk(sorted, 0.95), IntradayRisk.expectedShortfall(sorted, 0.95),
                IntradayRisk.valueAtRisk(sorted, 0.99), IntradayRisk.expectedShortfall(sorted, 0.99),
                scores.anomalyCount(), scores.maxScore(), scores.model(), scores.modelVersion(),
                completeness.barsPresent(), completeness.barsExpected(), completeness.gaps(),
                completeness.duplicates(), completeness.invalid());
    }
}

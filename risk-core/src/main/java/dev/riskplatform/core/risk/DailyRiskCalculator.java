package dev.riskplatform.core.risk;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * Builds {@link DailyRiskMetrics} from one day's valid bars (time order), the daily-close history
 * and the model's scores. Only <b>real</b> bars are observations: gap bars ({@link DayBars#gap()}, no
 * trade in the interval, OHLC = previous close, volume 0) are dropped first, so they add neither bars nor
 * zero returns. With c_1..c_n the closes of the day's real bars in time order:
 * <pre>
 *   r_i = ln(c_i / c_{i-1}),  i = 2..n        (n real bars give n − 1 returns)
 * </pre>
 * A return across gap bars (or missing minutes) is the one from the last real close before them to the
 * next real close, counted once; a gap bar's zero return (its close is the previous close) never enters
 * the distribution VaR, ES and realized volatility read. Definitions:
 * <ul>
 *   <li>open/high/low/close: first open, max high, min low, last close of the day's real bars;</li>
 *   <li>daily log return, SMA/EMA 7 and 30: {@link DailyCloseTrend};</li>
 *   <li>realized volatility, max drawdown, 1-minute VaR/ES 95 % and 99 %: {@link IntradayRisk};</li>
 *   <li>1-day VaR/ES 95 % and 99 % (historical simulation and EWMA) from the daily closes: {@link OneDayRisk}.</li>
 * </ul>
 */
public final class DailyRiskCalculator {

    /** Calendar days of close history: the 1-day VaR's 250-day window (the EMA's 3 × 30 days lie inside it). */
    public static final int HISTORY_DAYS = Math.max(OneDayRisk.WINDOW_DAYS, DailyCloseTrend.EMA_WINDOW_FACTOR * 30);

    private DailyRiskCalculator() {
    }

    public static DailyRiskMetrics compute(String symbol, LocalDate date, DayBars bars, double[] closeHistory,
                                           DayScores scores, DayCompleteness completeness) {
        bars = bars.realOnly(); // gap bars are not observations (see the class comment)
        int n = bars.size();
        if (n == 0) throw new IllegalArgumentException("no real (non-gap) bars for " + symbol + " " + date);
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
                intraday(sorted), oneDay(closeHistory, close),
                scores.anomalyCount(), scores.maxScore(), scores.model(), scores.modelVersion(),
                completeness.barsPresent(), completeness.barsExpected(), completeness.gaps(),
                completeness.duplicates(), completeness.invalid());
    }

    /** The day's 1-minute VaR/ES from its sorted 1-minute returns. */
    private static VarEs intraday(double[] sorted) {
        return new VarEs(IntradayRisk.valueAtRisk(sorted, 0.95), IntradayRisk.expectedShortfall(sorted, 0.95),
                IntradayRisk.valueAtRisk(sorted, 0.99), IntradayRisk.expectedShortfall(sorted, 0.99));
    }

    /** The last {@link OneDayRisk#WINDOW_DAYS} days' returns (the history may be longer). */
    private static OneDayRisk oneDay(double[] closeHistory, double close) {
        int h = closeHistory.length, w = Math.min(h, OneDayRisk.WINDOW_DAYS);
        return OneDayRisk.of(OneDayRisk.dailyReturns(Arrays.copyOfRange(closeHistory, h - w, h), close));
    }
}

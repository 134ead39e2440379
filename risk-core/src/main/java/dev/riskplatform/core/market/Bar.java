package dev.riskplatform.core.market;

import java.util.Objects;

/**
 * One closed OHLCV bar over {@code [openTime, openTime + interval)}.
 *
 * <p>Prices and volumes are primitive doubles: bars feed the feature engine millions of times
 * per second and a {@code BigDecimal} there would allocate per field. The builder sums volume
 * exactly and rounds once at close, so a bar does not depend on trade arrival order.
 *
 * <p>{@code closeTime} is the last millisecond of the bar (Binance kline convention).
 * A {@code gap} bar stands for an interval without trades between two real bars:
 * OHLC and vwap = previous close, volumes 0, tradeCount 0, trade ids -1.
 */
public record Bar(String symbol, BarInterval interval, long openTime, long closeTime,
                  double open, double high, double low, double close,
                  double volume, double quoteVolume, double vwap,
                  long tradeCount, long firstTradeId, long lastTradeId, boolean gap) {

    public static final long NO_TRADE_ID = -1L;

    public Bar {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        if (openTime != interval.openTime(openTime) || closeTime != openTime + interval.millis() - 1) {
            throw new IllegalArgumentException("bar [" + openTime + ", " + closeTime + "] is not aligned to " + interval);
        }
        if (!(low <= high) || !(close > 0)) {
            throw new IllegalArgumentException("bar prices are inconsistent: low " + low + " high " + high + " close " + close);
        }
    }

    /** The interval with no trades after {@code previousClose}; see the class comment. */
    public static Bar gap(String symbol, BarInterval interval, long openTime, double previousClose) {
        return new Bar(symbol, interval, openTime, openTime + interval.millis() - 1,
                previousClose, previousClose, previousClose, previousClose, 0.0, 0.0, previousClose,
                0, NO_TRADE_ID, NO_TRADE_ID, true);
    }
}

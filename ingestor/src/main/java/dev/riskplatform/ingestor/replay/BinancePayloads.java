package dev.riskplatform.ingestor.replay;

import dev.riskplatform.core.market.Trade;
import java.util.List;
import java.util.Locale;

/** Binance's exact JSON shapes, as the replay server sends them (see shared reference binance.md). */
public final class BinancePayloads {

    private BinancePayloads() {
    }

    /** {@code {"e":"trade","E":..,"s":..,"t":..,"p":"..","q":"..","T":..,"m":..,"M":true}} */
    public static String tradeEvent(Trade t, long eventTime) {
        return appendTradeEvent(new StringBuilder(160), t.symbol(), t.tradeId(), t.price().toPlainString(), t.quantity().toPlainString(),
                t.tradeTime(), t.buyerIsMaker(), eventTime).toString();
    }

    /** The trade event of {@link #tradeEvent} appended to {@code sb}, from its fields (the load feed has no Trade). */
    static StringBuilder appendTradeEvent(StringBuilder sb, String symbol, long id, CharSequence price, CharSequence quantity,
                                          long tradeTime, boolean buyerIsMaker, long eventTime) {
        return sb.append("{\"e\":\"trade\",\"E\":").append(eventTime).append(",\"s\":\"").append(symbol).append("\",\"t\":").append(id)
                .append(",\"p\":\"").append(price).append("\",\"q\":\"").append(quantity)
                .append("\",\"T\":").append(tradeTime).append(",\"m\":").append(buyerIsMaker).append(",\"M\":true}");
    }

    /** Combined-stream wrapper: {@code {"stream":"btcusdt@trade","data":{...}}}. */
    public static String combined(String stream, String data) {
        return appendCombinedStart(new StringBuilder(data.length() + 40), stream).append(data).append('}').toString();
    }

    /** The wrapper's start, up to its data; the wrapper ends with one more {@code '}'}. */
    static StringBuilder appendCombinedStart(StringBuilder sb, String stream) {
        return sb.append("{\"stream\":\"").append(stream).append("\",\"data\":");
    }

    public static String tradeStream(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@trade";
    }

    public static String serverShutdown(long eventTime) {
        return "{\"e\":\"serverShutdown\",\"E\":" + eventTime + "}";
    }

    /** {@code GET /api/v3/historicalTrades} answer. */
    public static String historicalTrades(List<Trade> trades) {
        StringBuilder sb = new StringBuilder(trades.size() * 160 + 2).append('[');
        for (Trade t : trades) {
            if (sb.length() > 1) sb.append(',');
            sb.append("{\"id\":").append(t.tradeId())
                    .append(",\"price\":\"").append(t.price().toPlainString())
                    .append("\",\"qty\":\"").append(t.quantity().toPlainString())
                    .append("\",\"quoteQty\":\"").append(t.price().multiply(t.quantity()).toPlainString())
                    .append("\",\"time\":").append(t.tradeTime())
                    .append(",\"isBuyerMaker\":").append(t.buyerIsMaker())
                    .append(",\"isBestMatch\":true}");
        }
        return sb.append(']').toString();
    }
}

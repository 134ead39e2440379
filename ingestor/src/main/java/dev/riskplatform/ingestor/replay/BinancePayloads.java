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
        return "{\"e\":\"trade\",\"E\":" + eventTime + ",\"s\":\"" + t.symbol() + "\",\"t\":" + t.tradeId()
                + ",\"p\":\"" + t.price().toPlainString() + "\",\"q\":\"" + t.quantity().toPlainString()
                + "\",\"T\":" + t.tradeTime() + ",\"m\":" + t.buyerIsMaker() + ",\"M\":true}";
    }

    /** Combined-stream wrapper: {@code {"stream":"btcusdt@trade","data":{...}}}. */
    public static String combined(String stream, String data) {
        return "{\"stream\":\"" + stream + "\",\"data\":" + data + "}";
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

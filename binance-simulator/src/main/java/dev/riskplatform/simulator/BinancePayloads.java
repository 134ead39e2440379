package dev.riskplatform.simulator;

import dev.riskplatform.core.market.Trade;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.UnaryOperator;

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

    /**
     * {@code GET /api/v3/exchangeInfo} answer: Binance's shape, with the fields a market-data client reads filled in
     * ({@code symbol}, {@code status}, {@code baseAsset}, {@code quoteAsset}, ...) and no trading filters.
     */
    public static String exchangeInfo(long serverTime, List<SymbolUniverse.Listing> listings) {
        StringBuilder sb = new StringBuilder(200 + listings.size() * 360).append("{\"timezone\":\"UTC\",\"serverTime\":").append(serverTime)
                .append(",\"rateLimits\":[{\"rateLimitType\":\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000}]")
                .append(",\"exchangeFilters\":[],\"symbols\":[");
        for (int i = 0; i < listings.size(); i++) {
            SymbolUniverse.Listing l = listings.get(i);
            if (i > 0) sb.append(',');
            sb.append("{\"symbol\":\"").append(l.symbol()).append("\",\"status\":\"").append(l.status())
                    .append("\",\"baseAsset\":\"").append(l.baseAsset()).append("\",\"baseAssetPrecision\":8,\"quoteAsset\":\"")
                    .append(l.quoteAsset()).append("\",\"quotePrecision\":8,\"quoteAssetPrecision\":8,")
                    .append("\"orderTypes\":[\"LIMIT\",\"LIMIT_MAKER\",\"MARKET\"],\"isSpotTradingAllowed\":true,")
                    .append("\"isMarginTradingAllowed\":false,\"filters\":[],\"permissions\":[],\"permissionSets\":[[\"SPOT\"]]}");
        }
        return sb.append("]}").toString();
    }

    /** {@code GET /api/v3/historicalTrades} answer. */
    public static String historicalTrades(List<Trade> trades) {
        return historicalTrades(trades, t -> e -> e);
    }

    /** The answer with each trade's element passed through the edit {@code edits} gives for it (tests' bad pages). */
    public static String historicalTrades(List<Trade> trades, Function<Trade, UnaryOperator<String>> edits) {
        StringBuilder sb = new StringBuilder(trades.size() * 160 + 2).append('[');
        for (Trade t : trades) {
            if (sb.length() > 1) sb.append(',');
            sb.append(edits.apply(t).apply(historicalTrade(t)));
        }
        return sb.append(']').toString();
    }

    /** One element of the historicalTrades answer. */
    public static String historicalTrade(Trade t) {
        return "{\"id\":" + t.tradeId() + ",\"price\":\"" + t.price().toPlainString() + "\",\"qty\":\"" + t.quantity().toPlainString()
                + "\",\"quoteQty\":\"" + t.price().multiply(t.quantity()).toPlainString() + "\",\"time\":" + t.tradeTime()
                + ",\"isBuyerMaker\":" + t.buyerIsMaker() + ",\"isBestMatch\":true}";
    }
}

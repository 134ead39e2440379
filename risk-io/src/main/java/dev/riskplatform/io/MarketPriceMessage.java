package dev.riskplatform.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.market.Trade;
import java.io.IOException;

/**
 * The {@code market_prices} value of docs/topics.md: one trade, prices as decimal strings.
 * Written by the ingestor, read by the detector and the archiver; one codec so they agree.
 */
public final class MarketPriceMessage {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Received(Trade trade, String source, long ingestTime) {}

    private MarketPriceMessage() {
    }

    /** Hand-written: this runs per trade on the hot path and every field is already validated (symbol, decimals). */
    public static String toJson(Trade t, String source, long ingestTime) {
        return new StringBuilder(192)
                .append("{\"symbol\":\"").append(t.symbol())
                .append("\",\"tradeId\":").append(t.tradeId())
                .append(",\"price\":\"").append(t.price().toPlainString())
                .append("\",\"quantity\":\"").append(t.quantity().toPlainString())
                .append("\",\"tradeTime\":").append(t.tradeTime())
                .append(",\"buyerIsMaker\":").append(t.buyerIsMaker())
                .append(",\"source\":\"").append(source)
                .append("\",\"ingestTime\":").append(ingestTime)
                .append('}').toString();
    }

    /** @throws IllegalArgumentException with the reason, ready to be a dead-letter reason */
    public static Received parse(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            Trade t = Trade.parse(text(n, "symbol"), n.path("tradeId").asLong(-1), text(n, "price"), text(n, "quantity"),
                    n.path("tradeTime").asLong(-1), n.path("buyerIsMaker").asBoolean());
            return new Received(t, text(n, "source"), n.path("ingestTime").asLong(0));
        } catch (IOException e) {
            throw new IllegalArgumentException("market_prices value is not JSON: " + e.getMessage(), e);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || !v.isTextual() ? null : v.textValue();
    }
}

package dev.riskplatform.detector.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.market.Trade;

/**
 * Reads one {@code market_prices} record (docs/topics.md) into a risk-core Trade. Every refusal is
 * an IllegalArgumentException whose message is the dead-letter reason.
 */
final class TradeJson {

    /** A parsed trade and when it was published ({@code ingestTime}, else the record timestamp). */
    record Parsed(Trade trade, long publishTime) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private TradeJson() {
    }

    static Parsed parse(String key, String value, long recordTimestamp) {
        if (value == null) throw new IllegalArgumentException("record has no value");
        JsonNode n;
        try {
            n = JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("not a JSON object");
        Trade t = Trade.parse(text(n, "symbol"), integral(n, "tradeId"), text(n, "price"), text(n, "quantity"),
                integral(n, "tradeTime"), bool(n, "buyerIsMaker"));
        // The key routes a symbol to one partition; a mismatch would break per-symbol ordering.
        if (!t.symbol().equals(key)) {
            throw new IllegalArgumentException("record key " + (key == null ? "null" : "'" + key + "'")
                    + " is not the trade's symbol '" + t.symbol() + "'");
        }
        long publishTime = n.path("ingestTime").canConvertToLong() ? n.get("ingestTime").asLong() : recordTimestamp;
        return new Parsed(t, publishTime);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        // Prices travel as decimal strings: a JSON number may already have lost digits upstream.
        if (v == null || !v.isTextual()) throw new IllegalArgumentException(field + " must be a string");
        return v.asText();
    }

    private static long integral(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new IllegalArgumentException(field + " must be an integer");
        }
        return v.asLong();
    }

    private static boolean bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || !v.isBoolean()) throw new IllegalArgumentException(field + " must be true or false");
        return v.asBoolean();
    }
}

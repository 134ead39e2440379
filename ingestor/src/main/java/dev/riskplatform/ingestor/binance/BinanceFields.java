package dev.riskplatform.ingestor.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.ingestor.binance.BinanceEvent.Rejected;
import dev.riskplatform.io.topic.PlainDecimal;

/**
 * The field rules shared by the stream's tree parser and the historicalTrades client. Each check answers null when
 * the field is fine, else the refusal with its reason, so no value is ever bent into shape: an integer beyond 64 bits
 * is not cut to its low bits, a decimal is not rewritten.
 */
final class BinanceFields {

    private static final int MAX_SHOWN = 40;

    private BinanceFields() {
    }

    /**
     * {@code field} must be an integer in 0..Long.MAX_VALUE: ids and epoch times are never negative, and one cut to
     * 64 bits would be a different id (a wrong id ahead of the real ones made every later trade "older" than it).
     * An absent optional field passes.
     */
    static Rejected nonNegativeLong(JsonNode parent, String field, boolean required, String symbol) {
        JsonNode n = parent.get(field);
        if (n == null && !required) return null;
        if (n == null || !n.isIntegralNumber()) return new Rejected("missing_field", quoted(field) + " is missing or not an integer", symbol);
        if (!n.canConvertToLong()) {
            return new Rejected("out_of_range", quoted(field) + " is out of range: " + shown(n.asText()) + " does not fit in 64 bits", symbol);
        }
        if (n.longValue() < 0) return new Rejected("out_of_range", quoted(field) + " is out of range: " + n.longValue() + " is negative", symbol);
        return null;
    }

    /** {@code field} must be a JSON string: a JSON number may already have lost digits (docs/topics.md). */
    static Rejected decimalText(JsonNode parent, String field, String symbol) {
        JsonNode n = parent.get(field);
        return n != null && n.isTextual() ? null : new Rejected("missing_field", quoted(field) + " is missing or not a decimal string", symbol);
    }

    static Rejected bool(JsonNode parent, String field, String symbol) {
        JsonNode n = parent.get(field);
        return n != null && n.isBoolean() ? null : new Rejected("missing_field", quoted(field) + " is missing or not a boolean", symbol);
    }

    /** Null when {@code text} is a plain decimal, else the refusal; {@code name} is the field's name in the reason. */
    static Rejected plainDecimal(String name, String text, String symbol) {
        return isPlainDecimal(text) ? null : new Rejected("invalid_field", name
                + " is not a plain decimal (ASCII digits and an optional fraction, as Binance writes them): '" + shown(text) + "'", symbol);
    }

    /** The plain decimals market_prices carries ({@link PlainDecimal}): Binance's own form, taken as it is. */
    static boolean isPlainDecimal(String s) {
        return PlainDecimal.is(s);
    }

    private static String quoted(String field) {
        return "\"" + field + "\"";
    }

    static String shown(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "… (" + text.length() + " characters)";
    }
}

package dev.riskplatform.ingestor.binance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.ingestor.binance.BinanceEvent.Rejected;

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

    /**
     * Binance writes prices and quantities as {@code 0} or a digit string without a leading zero, optionally followed by
     * {@code .} and digits: no sign, exponent, white space or other digit scripts. For exactly these texts BigDecimal's
     * plain string is the text itself, so market_prices carries the decimal as Binance sent it (docs/topics.md);
     * anything else is refused rather than rewritten ("1e5" would be published as "100000").
     */
    static boolean isPlainDecimal(String s) {
        int n = s.length(), i = integerDigits(s);
        if (i == 0) return false;
        if (i == n) return true;
        if (s.charAt(i) != '.' || i + 1 == n) return false;
        for (int j = i + 1; j < n; j++) if (!digit(s.charAt(j))) return false;
        return true;
    }

    /** How many characters the integer part takes: "0" alone, or digits not starting with 0; 0 when neither. */
    private static int integerDigits(String s) {
        if (s.isEmpty()) return 0;
        if (s.charAt(0) == '0') return 1;
        int i = 0;
        while (i < s.length() && digit(s.charAt(i))) i++;
        return i;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static String quoted(String field) {
        return "\"" + field + "\"";
    }

    static String shown(String text) {
        return text.length() <= MAX_SHOWN ? text : text.substring(0, MAX_SHOWN) + "… (" + text.length() + " characters)";
    }
}

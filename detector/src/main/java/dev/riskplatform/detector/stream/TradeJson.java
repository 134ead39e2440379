package dev.riskplatform.detector.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.riskplatform.core.market.Trade;
import java.io.IOException;

/**
 * Reads one {@code market_prices} record (docs/topics.md) into a risk-core Trade. Every refusal is
 * an IllegalArgumentException whose message is the dead-letter reason.
 *
 * <p>Token by token rather than through a Jackson tree: this runs once per trade, and building a
 * node map per record was a visible share of the profile. Unknown members (source, future fields)
 * are skipped whole; as with a tree, a repeated member counts with its last value.
 */
final class TradeJson {

    /** A parsed trade and when it was published ({@code ingestTime}, else the record timestamp). */
    record Parsed(Trade trade, long publishTime) {
    }

    private static final JsonFactory FACTORY = new JsonFactory();

    private TradeJson() {
    }

    static Parsed parse(String key, String value, long recordTimestamp) {
        if (value == null) throw new IllegalArgumentException("record has no value");
        Fields f = new Fields();
        try (JsonParser p = FACTORY.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                f.read(name, p.nextToken(), p);
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + e.getMessage());
        }
        Trade t = Trade.parse(f.text("symbol", f.symbol), f.integral("tradeId", f.tradeId), f.text("price", f.price),
                f.text("quantity", f.quantity), f.integral("tradeTime", f.tradeTime), f.bool());
        // The key routes a symbol to one partition; a mismatch would break per-symbol ordering.
        if (!t.symbol().equals(key)) {
            throw new IllegalArgumentException("record key " + (key == null ? "null" : "'" + key + "'")
                    + " is not the trade's symbol '" + t.symbol() + "'");
        }
        return new Parsed(t, f.ingestTime != null ? f.ingestTime : recordTimestamp);
    }

    /** The members a trade needs, as found; a wrong type is remembered as such and refused at the end. */
    private static final class Fields {
        private static final Object WRONG_TYPE = new Object();
        Object symbol, price, quantity, tradeId, tradeTime, buyerIsMaker;
        Long ingestTime;

        void read(String name, JsonToken token, JsonParser p) throws IOException {
            switch (name) {
                case "symbol" -> symbol = textOrWrong(token, p);
                case "price" -> price = textOrWrong(token, p);
                case "quantity" -> quantity = textOrWrong(token, p);
                case "tradeId" -> tradeId = longOrWrong(token, p);
                case "tradeTime" -> tradeTime = longOrWrong(token, p);
                case "buyerIsMaker" -> buyerIsMaker = token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE
                        ? (Object) (token == JsonToken.VALUE_TRUE) : skip(p);
                case "ingestTime" -> {
                    Object v = longOrWrong(token, p);
                    ingestTime = v instanceof Long l ? l : null;
                }
                default -> p.skipChildren();
            }
        }

        // Prices travel as decimal strings: a JSON number may already have lost digits upstream.
        private static Object textOrWrong(JsonToken token, JsonParser p) throws IOException {
            return token == JsonToken.VALUE_STRING ? p.getText() : skip(p);
        }

        private static Object longOrWrong(JsonToken token, JsonParser p) throws IOException {
            if (token != JsonToken.VALUE_NUMBER_INT) return skip(p);
            return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? WRONG_TYPE : (Object) p.getLongValue();
        }

        private static Object skip(JsonParser p) throws IOException {
            p.skipChildren();
            return WRONG_TYPE;
        }

        String text(String field, Object v) {
            if (!(v instanceof String s)) throw new IllegalArgumentException(field + " must be a string");
            return s;
        }

        long integral(String field, Object v) {
            if (!(v instanceof Long l)) throw new IllegalArgumentException(field + " must be an integer");
            return l;
        }

        boolean bool() {
            if (!(buyerIsMaker instanceof Boolean b)) throw new IllegalArgumentException("buyerIsMaker must be true or false");
            return b;
        }
    }
}

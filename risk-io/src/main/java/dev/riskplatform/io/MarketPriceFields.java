package dev.riskplatform.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.riskplatform.core.market.Trade;
import java.io.IOException;

/**
 * The members of one market_prices value as {@link MarketPriceMessage#parse} meets them. A member
 * of the wrong JSON type is remembered as such and refused once the object is read, so the reason
 * names the member whatever order the members come in. Primitive fields: nothing is boxed per trade.
 */
final class MarketPriceFields {

    /** Marks a text member of the wrong JSON type; compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String WRONG_TYPE = new String("<wrong type>");
    private static final byte ABSENT = 0, SET = 1, WRONG = 2;

    private String symbol, price, quantity, source;
    private long tradeId, tradeTime, ingestTime;
    private byte tradeIdState, tradeTimeState, ingestTimeState, buyerIsMakerState;
    private boolean buyerIsMaker;

    void read(String name, JsonToken token, JsonParser p) throws IOException {
        switch (name) {
            case "symbol" -> symbol = text(token, p);
            case "price" -> price = text(token, p);
            case "quantity" -> quantity = text(token, p);
            case "source" -> source = token == JsonToken.VALUE_NULL ? null : text(token, p);
            case "tradeId" -> tradeId = (tradeIdState = integral(token, p)) == SET ? p.getLongValue() : 0;
            case "tradeTime" -> tradeTime = (tradeTimeState = integral(token, p)) == SET ? p.getLongValue() : 0;
            case "ingestTime" -> ingestTime = (ingestTimeState = token == JsonToken.VALUE_NULL ? ABSENT : integral(token, p)) == SET
                    ? p.getLongValue() : 0;
            case "buyerIsMaker" -> {
                buyerIsMakerState = token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? SET : skip(p);
                buyerIsMaker = token == JsonToken.VALUE_TRUE;
            }
            default -> p.skipChildren();
        }
    }

    /** @throws IllegalArgumentException naming the first missing or mistyped member, or Trade's own reason */
    MarketPriceMessage.Received received() {
        Trade t = Trade.parse(text("symbol", symbol), integral("tradeId", tradeIdState, tradeId), text("price", price),
                text("quantity", quantity), integral("tradeTime", tradeTimeState, tradeTime), buyerIsMaker());
        if (source == WRONG_TYPE) throw new IllegalArgumentException("source must be a string");
        return new MarketPriceMessage.Received(t, source, ingestTimeState == ABSENT ? 0 : integral("ingestTime", ingestTimeState, ingestTime));
    }

    // Prices travel as decimal strings: a JSON number may already have lost digits upstream.
    private static String text(JsonToken token, JsonParser p) throws IOException {
        if (token == JsonToken.VALUE_STRING) return p.getText();
        p.skipChildren();
        return WRONG_TYPE;
    }

    private static byte integral(JsonToken token, JsonParser p) throws IOException {
        if (token != JsonToken.VALUE_NUMBER_INT) return skip(p);
        return p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? WRONG : SET;
    }

    private static byte skip(JsonParser p) throws IOException {
        p.skipChildren();
        return WRONG;
    }

    private static String text(String field, String value) {
        if (value == null) throw new IllegalArgumentException(field + " is missing");
        if (value == WRONG_TYPE) throw new IllegalArgumentException(field + " must be a string");
        return value;
    }

    private static long integral(String field, byte state, long value) {
        if (state == ABSENT) throw new IllegalArgumentException(field + " is missing");
        if (state == WRONG) throw new IllegalArgumentException(field + " must be an integer");
        return value;
    }

    /** Absent means false, as it always did here (older values may lack it). */
    private boolean buyerIsMaker() {
        if (buyerIsMakerState == WRONG) throw new IllegalArgumentException("buyerIsMaker must be true or false");
        return buyerIsMaker;
    }
}

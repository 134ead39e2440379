package dev.riskplatform.io.topic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.riskplatform.core.market.Trade;
import java.io.IOException;

/**
 * The members of one market_prices value as {@link MarketPriceMessage#parse} meets them. A member
 * of the wrong JSON type is remembered as such and refused once the object is read, so the reason
 * names the member whatever order the members come in. Every member is required. Primitive fields: nothing is
 * boxed per trade.
 */
final class MarketPriceFields {

    /** Marks a text member of the wrong JSON type; compared by identity. */
    @SuppressWarnings("StringOperationCanBeSimplified")
    private static final String WRONG_TYPE = new String("<wrong type>");
    private static final byte ABSENT = 0, SET = 1, WRONG = 2;
    private static final int MAX_SHOWN = 64;

    private String symbol, price, quantity, source;
    private long tradeId, tradeTime, ingestTime;
    private byte tradeIdState, tradeTimeState, ingestTimeState, buyerIsMakerState;
    private boolean buyerIsMaker;

    void read(String name, JsonToken token, JsonParser p) throws IOException {
        switch (name) {
            case "symbol" -> symbol = text(token, p);
            case "price" -> price = text(token, p);
            case "quantity" -> quantity = text(token, p);
            case "source" -> source = text(token, p);
            case "tradeId" -> tradeId = (tradeIdState = integral(token, p)) == SET ? p.getLongValue() : 0;
            case "tradeTime" -> tradeTime = (tradeTimeState = integral(token, p)) == SET ? p.getLongValue() : 0;
            case "ingestTime" -> ingestTime = (ingestTimeState = integral(token, p)) == SET ? p.getLongValue() : 0;
            case "buyerIsMaker" -> {
                buyerIsMakerState = token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE ? SET : skip(p);
                buyerIsMaker = token == JsonToken.VALUE_TRUE;
            }
            default -> p.skipChildren();
        }
    }

    /** @throws IllegalArgumentException naming the first missing or mistyped member, or Trade's own reason */
    MarketPriceMessage.Received received() {
        Trade t = Trade.parse(text("symbol", symbol), integral("tradeId", tradeIdState, tradeId), plain("price", price),
                plain("quantity", quantity), integral("tradeTime", tradeTimeState, tradeTime), buyerIsMaker());
        if (text("source", source).isEmpty()) throw new IllegalArgumentException("source must not be empty");
        return new MarketPriceMessage.Received(t, source, integral("ingestTime", ingestTimeState, ingestTime));
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

    /** Only {@link PlainDecimal}s: the topic carries Binance's text unchanged, so anything else was not written by the ingestor. */
    private static String plain(String field, String value) {
        if (PlainDecimal.is(text(field, value))) return value;
        String shown = value.length() <= MAX_SHOWN ? value : value.substring(0, MAX_SHOWN) + "… (" + value.length() + " characters)";
        throw new IllegalArgumentException(field + " is not a plain decimal: '" + shown + "'");
    }

    private static long integral(String field, byte state, long value) {
        if (state == ABSENT) throw new IllegalArgumentException(field + " is missing");
        if (state == WRONG) throw new IllegalArgumentException(field + " must be an integer");
        return value;
    }

    private boolean buyerIsMaker() {
        if (buyerIsMakerState == ABSENT) throw new IllegalArgumentException("buyerIsMaker is missing");
        if (buyerIsMakerState == WRONG) throw new IllegalArgumentException("buyerIsMaker must be true or false");
        return buyerIsMaker;
    }
}

package dev.riskplatform.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.riskplatform.core.market.Trade;
import java.io.IOException;

/**
 * The {@code market_prices} value of docs/topics.md: one trade, prices as decimal strings.
 * Written by the ingestor, read by the detector and the archiver; one codec so they agree.
 */
public final class MarketPriceMessage {

    private static final JsonFactory JSON = new JsonFactory();

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

    /**
     * Token by token, not through a tree: this runs once per trade in every consumer, and a node
     * map per record was most of the archiver's parse cost. Unknown members are skipped whole; a
     * repeated member counts with its last value. {@code source}, {@code ingestTime} and
     * {@code buyerIsMaker} are optional (null, 0 and false when absent); the trade's other members are required.
     *
     * @throws IllegalArgumentException with the reason, ready to be a dead-letter reason
     */
    public static Received parse(String json) {
        if (json == null) throw new IllegalArgumentException("market_prices value is missing");
        MarketPriceFields f = new MarketPriceFields();
        try (JsonParser p = JSON.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("market_prices value is not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                f.read(name, p.nextToken(), p);
            }
            if (p.nextToken() != null) throw new IllegalArgumentException("market_prices value has content after the JSON object");
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("market_prices value is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("market_prices value is not JSON: " + e.getMessage(), e);
        }
        return f.received();
    }
}

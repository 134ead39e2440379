package dev.riskplatform.io.topic;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.riskplatform.core.market.Trade;
import java.io.IOException;

/**
 * The {@code market_prices} value of docs/topics.md: one trade, prices as decimal strings. The one codec of the
 * topic: written by the ingestor ({@code MarketPricePublisher}), read by the detector ({@code MarketPricesConsumer},
 * its restart recovery), the archiver ({@code ArchiveLoop}) and the ingestor's resume ({@code MarketPricesTail}).
 * All eight members are required (docs/schemas/market_prices.schema.json); a refusal is an
 * IllegalArgumentException whose message is the dead-letter reason.
 */
public final class MarketPriceMessage {

    static final String TOPIC = "market_prices";

    /** A trade as published: {@code source} is binance, binance-backfill or replay; {@code ingestTime} when it was published. */
    public record Received(Trade trade, String source, long ingestTime) {

        /**
         * This trade, if {@code key} (the record's key) is its symbol: the key routes a symbol to one partition, so a
         * mismatch would break the symbol's order.
         *
         * @throws IllegalArgumentException {@code record key … is not the trade's symbol …}
         */
        public Received keyedBy(String key) {
            if (trade.symbol().equals(key)) return this;
            throw new IllegalArgumentException("record key " + (key == null ? "null" : "'" + key + "'")
                    + " is not the trade's symbol '" + trade.symbol() + "'");
        }
    }

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
     * Token by token, not through a tree: this runs once per trade in every consumer, and a node map per record was
     * most of the archiver's parse cost. Unknown members are skipped whole; a repeated member counts with its last
     * value; anything after the object is refused.
     *
     * @throws IllegalArgumentException with the reason, ready to be a dead-letter reason
     */
    public static Received parse(String json) {
        if (json == null) throw TopicJson.missing(TOPIC);
        try (JsonParser p = TopicJson.FACTORY.createParser(json)) {
            return read(p);
        } catch (IOException e) {
            throw TopicJson.notJson(TOPIC, e);
        }
    }

    /**
     * {@link #parse(String)} from the record's UTF-8 bytes as they came off the wire: no String copy of the value
     * first (the detector reads every trade this way). Bytes that are not UTF-8 are refused as not JSON.
     */
    public static Received parse(byte[] utf8) {
        if (utf8 == null) throw TopicJson.missing(TOPIC);
        try (JsonParser p = TopicJson.FACTORY.createParser(utf8)) {
            return read(p);
        } catch (IOException e) {
            throw TopicJson.notJson(TOPIC, e);
        }
    }

    private static Received read(JsonParser p) throws IOException {
        MarketPriceFields f = new MarketPriceFields();
        if (p.nextToken() != JsonToken.START_OBJECT) throw TopicJson.notAnObject(TOPIC);
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            f.read(name, p.nextToken(), p);
        }
        if (p.nextToken() != null) throw TopicJson.trailing(TOPIC);
        return f.received();
    }

    /** {@link #parse}, then {@link Received#keyedBy}: what a consumer that keeps per-symbol order reads. */
    public static Received parse(String key, String json) {
        return parse(json).keyedBy(key);
    }

    /** {@link #parse(byte[])}, then {@link Received#keyedBy}. */
    public static Received parse(String key, byte[] utf8) {
        return parse(utf8).keyedBy(key);
    }
}

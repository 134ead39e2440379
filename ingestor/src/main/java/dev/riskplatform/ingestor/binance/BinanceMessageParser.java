package dev.riskplatform.ingestor.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.binance.BinanceEvent.Control;
import dev.riskplatform.ingestor.binance.BinanceEvent.Rejected;
import dev.riskplatform.ingestor.binance.BinanceEvent.ServerShutdown;
import dev.riskplatform.ingestor.binance.BinanceEvent.TradeEvent;
import java.io.IOException;
import java.util.Set;

/**
 * Turns one raw or combined-stream message into a {@link BinanceEvent}. Never throws: anything
 * that is not a valid trade of a subscribed symbol becomes a {@link Rejected} with its reason.
 * Valid trades take a streaming fast path ({@link TradeFrameReader}); everything else, and anything
 * that path is unsure of, is judged on Jackson's tree.
 * Prices stay strings until {@link Trade#parse} reads them exactly (Jackson's tree keeps JSON
 * strings as text, so no float parse touches them).
 */
public final class BinanceMessageParser {

    /** Cap before parsing: a hostile multi-megabyte frame is refused without building a tree. */
    static final int MAX_MESSAGE_CHARS = 64 * 1024;
    /** A key given twice is refused, not resolved to its last value: which one Binance meant cannot be known. */
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final Set<String> symbols;
    private final TradeFrameReader trades;

    /**
     * {@code symbols}: upper-case symbols this connection subscribed to, read live (a session's symbols change as the
     * exchange lists and delists them), so a thread-safe set or an immutable one.
     */
    public BinanceMessageParser(Set<String> symbols) {
        this.symbols = symbols;
        this.trades = new TradeFrameReader(this.symbols);
    }

    public BinanceEvent parse(String raw) {
        if (raw.length() > MAX_MESSAGE_CHARS) {
            return new Rejected("oversized", "message of " + raw.length() + " characters is longer than " + MAX_MESSAGE_CHARS, null);
        }
        TradeEvent trade = trades.read(raw); // valid trades, nearly every message, without building a tree
        return trade != null ? trade : parseTree(raw);
    }

    /** The tree path alone: every message that is not a plain valid trade, and the fast path's reference in tests. */
    BinanceEvent parseTree(String raw) {
        JsonNode root;
        try (JsonParser p = JSON.createParser(raw)) {
            root = JSON.readTree(p);
            if (root != null && hasMore(p)) {
                return new Rejected("malformed", "content after the JSON object, at character " + p.currentTokenLocation().getCharOffset(), null);
            }
        } catch (JsonProcessingException e) {
            return new Rejected("malformed", "not JSON: " + e.getOriginalMessage(), null);
        } catch (IOException e) {
            return new Rejected("malformed", "not JSON: " + e, null);
        }
        if (root == null || !root.isObject()) return new Rejected("malformed", "not a JSON object", null);
        // Combined streams wrap every event as {"stream":"btcusdt@trade","data":{...}}.
        JsonNode event = root.has("stream") && root.has("data") ? root.get("data") : root;
        if (!event.isObject()) return new Rejected("malformed", "\"data\" is not a JSON object", null);
        return parseEvent(event);
    }

    /**
     * Anything but white space after the first value makes the whole message suspect: {@code {trade} GARBAGE} was
     * published, {@code {"result":null,"id":1}x} dropped. Content that is not even a JSON token counts too.
     */
    private static boolean hasMore(JsonParser p) {
        try {
            return p.nextToken() != null;
        } catch (IOException e) {
            return true;
        }
    }

    private BinanceEvent parseEvent(JsonNode e) {
        if (!e.has("e") && e.has("id") && e.has("result")) return new Control(e.get("id").asLong(-1), null);
        if (!e.has("e") && e.has("id") && e.has("code")) return new Control(e.get("id").asLong(-1), e.path("msg").asText("code " + e.get("code")));
        String type = e.path("e").asText(null);
        if (type == null) return new Rejected("missing_field", "event type \"e\" is missing", null);
        return switch (type) {
            case "trade" -> trade(e);
            case "serverShutdown" -> new ServerShutdown(e.path("E").asLong(0));
            case "aggTrade", "kline" -> new Rejected("unsubscribed_event",
                    "event type \"" + type + "\" is not subscribed (the ingestor subscribes to <symbol>@trade only)", symbolOf(e));
            default -> new Rejected("unknown_event", "unknown event type \"" + type + "\"", symbolOf(e));
        };
    }

    private BinanceEvent trade(JsonNode e) {
        String symbol = symbolOf(e);
        if (symbol == null) return new Rejected("missing_field", "symbol \"s\" is missing", null);
        if (!symbols.contains(symbol)) return new Rejected("unsubscribed_symbol", "symbol " + symbol + " is not subscribed", symbol);
        Rejected wrong = firstWrongField(e, symbol);
        if (wrong != null) return wrong;
        try {
            Trade t = Trade.parse(symbol, e.get("t").longValue(), e.get("p").textValue(), e.get("q").textValue(),
                    e.get("T").longValue(), e.get("m").booleanValue());
            wrong = firstNonNull(BinanceFields.plainDecimal("price", e.get("p").textValue(), symbol),
                    BinanceFields.plainDecimal("quantity", e.get("q").textValue(), symbol));
            return wrong != null ? wrong : new TradeEvent(t, e.path("E").asLong(0));
        } catch (IllegalArgumentException ex) {
            return new Rejected("invalid_field", ex.getMessage(), symbol);
        }
    }

    /** The first field of a trade event that is missing or of the wrong type or range; {@code E} may be absent. */
    private static Rejected firstWrongField(JsonNode e, String symbol) {
        return firstNonNull(BinanceFields.nonNegativeLong(e, "t", true, symbol), BinanceFields.nonNegativeLong(e, "T", true, symbol),
                BinanceFields.nonNegativeLong(e, "E", false, symbol), BinanceFields.decimalText(e, "p", symbol),
                BinanceFields.decimalText(e, "q", symbol), BinanceFields.bool(e, "m", symbol));
    }

    private static Rejected firstNonNull(Rejected... verdicts) {
        for (Rejected r : verdicts) if (r != null) return r;
        return null;
    }

    private static String symbolOf(JsonNode e) {
        JsonNode s = e.get("s");
        return s != null && s.isTextual() && !s.textValue().isBlank() ? s.textValue() : null;
    }
}

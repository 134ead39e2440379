package dev.riskplatform.ingestor.binance;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.binance.BinanceEvent.Rejected;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v3/historicalTrades?symbol=&fromId=&limit=}: trades by trade id, the same ids
 * ({@code t}) as the trade stream, so a gap in ids is filled exactly (aggTrades aggregate
 * prices and cannot restore single trades). Each element of a page is judged on its own: one bad
 * trade is one refused {@link Entry}, and the page's other trades still fill the gap.
 */
public final class HistoricalTradesClient {

    public static final int MAX_LIMIT = 1000;
    private static final ObjectMapper JSON = JsonMapper.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * One element of a page, in page order: a {@code trade}, or a refusal ({@code kind}, {@code reason}) with the
     * element's exact text. {@code id} is the element's trade id, -1 when it could not be read.
     */
    public record Entry(long id, Trade trade, String kind, String reason, String raw) {
        static Entry of(Trade t) {
            return new Entry(t.tradeId(), t, null, null, null);
        }

        static Entry refused(long id, Rejected r, String raw) {
            return new Entry(id, null, r.kind(), r.reason(), raw);
        }
    }

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HistoricalTradesClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public CompletableFuture<List<Entry>> fetch(String symbol, long fromId, int limit) {
        URI uri = baseUrl.resolve("/api/v3/historicalTrades?symbol=" + symbol + "&fromId=" + fromId
                + "&limit=" + Math.min(limit, MAX_LIMIT));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() != 200) {
                throw new IllegalStateException("GET " + uri + " answered HTTP " + r.statusCode() + ": " + abbreviate(r.body()));
            }
            return parse(symbol, r.body());
        });
    }

    /**
     * The page's elements, each a trade or a refusal. Only an answer that is no JSON array fails as a whole (the fetch
     * is then retried and, failing again, the gap reported unfillable).
     *
     * @throws UncheckedIOException when {@code body} is not such an array
     */
    static List<Entry> parse(String symbol, String body) {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) throw new IOException("historicalTrades answer is not a JSON array");
            List<Entry> entries = new ArrayList<>();
            for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                if (t == null) throw new IOException("the answer ends inside its array");
                int start = (int) p.currentTokenLocation().getCharOffset();
                JsonNode n = JSON.readTree(p);
                entries.add(entry(symbol, n, body.substring(start, (int) p.currentLocation().getCharOffset())));
            }
            if (p.nextToken() != null) throw new IOException("content after the JSON array");
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("historicalTrades answer is not JSON: " + e.getMessage(), e);
        }
    }

    /** One element: the same rules as the stream (BinanceFields), with REST's field names. */
    private static Entry entry(String symbol, JsonNode n, String raw) {
        if (!n.isObject()) return Entry.refused(-1, new Rejected("malformed", "historicalTrades element is not a JSON object", symbol), raw);
        Rejected idProblem = BinanceFields.nonNegativeLong(n, "id", true, symbol);
        long id = idProblem == null ? n.get("id").longValue() : -1;
        Rejected r = idProblem != null ? idProblem : firstWrongField(n, symbol);
        if (r != null) return Entry.refused(id, r, raw);
        try {
            Trade t = Trade.parse(symbol, id, n.get("price").textValue(), n.get("qty").textValue(), n.get("time").longValue(),
                    n.get("isBuyerMaker").booleanValue());
            Rejected plain = BinanceFields.plainDecimal("price", n.get("price").textValue(), symbol);
            if (plain == null) plain = BinanceFields.plainDecimal("quantity", n.get("qty").textValue(), symbol);
            return plain == null ? Entry.of(t) : Entry.refused(id, plain, raw);
        } catch (IllegalArgumentException e) {
            return Entry.refused(id, new Rejected("invalid_field", e.getMessage(), symbol), raw);
        }
    }

    private static Rejected firstWrongField(JsonNode n, String symbol) {
        Rejected r = BinanceFields.nonNegativeLong(n, "time", true, symbol);
        if (r == null) r = BinanceFields.decimalText(n, "price", symbol);
        if (r == null) r = BinanceFields.decimalText(n, "qty", symbol);
        return r != null ? r : BinanceFields.bool(n, "isBuyerMaker", symbol);
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}

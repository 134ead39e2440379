package dev.riskplatform.ingestor.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.market.Trade;
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
 * prices and cannot restore single trades).
 */
public final class HistoricalTradesClient {

    public static final int MAX_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public HistoricalTradesClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public CompletableFuture<List<Trade>> fetch(String symbol, long fromId, int limit) {
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

    static List<Trade> parse(String symbol, String body) {
        try {
            List<Trade> trades = new ArrayList<>();
            for (JsonNode n : JSON.readTree(body)) {
                trades.add(Trade.parse(symbol, n.get("id").longValue(), n.get("price").textValue(), n.get("qty").textValue(),
                        n.get("time").longValue(), n.get("isBuyerMaker").booleanValue()));
            }
            return trades;
        } catch (IOException e) {
            throw new UncheckedIOException("historicalTrades answer is not JSON", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "…" : s;
    }
}

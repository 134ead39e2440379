package dev.riskplatform.ingestor.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.market.SymbolSelection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;

/**
 * {@code GET /api/v3/exchangeInfo} (weight 20): the exchange's symbols with their status and quote asset, the universe
 * {@link SymbolSelection} picks from. Only {@code symbols[].symbol}, {@code .status} and {@code .quoteAsset} are read.
 */
public final class ExchangeInfoClient {

    /** One entry of {@code symbols[]}. */
    public record Listing(String symbol, String status, String quoteAsset) {}

    /** A symbol is traded while its status is this; a delisted one stays listed with another status (BREAK). */
    public static final String TRADING = "TRADING";

    /** The selected symbols of the listings (those TRADING), sorted, each once, explicit ones included as given. */
    public static List<String> select(SymbolSelection selection, List<Listing> listings) {
        Set<String> out = new TreeSet<>(selection.explicit());
        for (Listing l : listings) {
            if (TRADING.equals(l.status()) && selection.selects(l.symbol(), l.quoteAsset())) out.add(l.symbol());
        }
        return new ArrayList<>(out);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ExchangeInfoClient(URI baseUrl) {
        this.baseUrl = baseUrl;
    }

    public CompletableFuture<List<Listing>> fetch() {
        URI uri = baseUrl.resolve("/api/v3/exchangeInfo");
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(r -> {
            if (r.statusCode() != 200) throw new IllegalStateException("GET " + uri + " answered HTTP " + r.statusCode());
            return listings(r.body());
        });
    }

    /** The listings of an exchangeInfo answer; one without a {@code symbols} array is refused whole. */
    static List<Listing> listings(String body) {
        JsonNode symbols;
        try {
            symbols = JSON.readTree(body).path("symbols");
        } catch (IOException e) {
            throw new UncheckedIOException("exchangeInfo is not JSON", e);
        }
        if (!symbols.isArray()) throw new IllegalStateException("exchangeInfo has no \"symbols\" array");
        List<Listing> out = new ArrayList<>(symbols.size());
        for (JsonNode s : symbols) {
            String symbol = s.path("symbol").asText("");
            if (!symbol.isEmpty()) out.add(new Listing(symbol, s.path("status").asText(""), s.path("quoteAsset").asText("")));
        }
        return out;
    }
}

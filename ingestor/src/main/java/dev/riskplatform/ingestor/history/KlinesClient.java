package dev.riskplatform.ingestor.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/v3/klines}, one page (≤ 1000 bars) at a time, within Binance's limits: the
 * used weight ({@code X-MBX-USED-WEIGHT-1M}) is kept under a budget, 429/418 wait
 * {@code Retry-After}, 451 (region blocked) fails with the way out.
 */
public class KlinesClient {

    public static final int PAGE = 1000;
    public static final String MARKET_DATA_HOST = "https://data-api.binance.vision";
    static final int WEIGHT_LIMIT = 6000;
    private static final Logger LOG = Logger.getLogger(KlinesClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_RETRIES = 5;

    private final URI base;
    private final int weightBudget;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    public KlinesClient(URI base, int weightBudget) {
        this.base = base;
        this.weightBudget = weightBudget;
    }

    public List<Bar> page(String symbol, BarInterval interval, long startTime, long endTime) throws InterruptedException {
        URI uri = base.resolve("/api/v3/klines?symbol=" + symbol + "&interval=" + interval.code()
                + "&startTime=" + startTime + "&endTime=" + endTime + "&limit=" + PAGE);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> r = send(uri);
            if (r.statusCode() == 200) {
                respectWeight(r);
                return parse(symbol, interval, r.body());
            }
            if ((r.statusCode() == 429 || r.statusCode() == 418) && attempt < MAX_RETRIES) {
                long wait = r.headers().firstValueAsLong("Retry-After").orElse(60);
                LOG.warnf("HTTP %d from %s: waiting Retry-After %d s", r.statusCode(), base, wait);
                Thread.sleep(wait * 1000);
                continue;
            }
            throw failure(r);
        }
    }

    private HttpResponse<String> send(URI uri) throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new BinanceRestException(0, "GET " + uri + " failed: " + e);
        }
    }

    private BinanceRestException failure(HttpResponse<String> r) {
        if (r.statusCode() == 451) {
            return new BinanceRestException(451, "HTTP 451 from " + base + ": Binance refuses requests from this region; "
                    + "use the market-data host " + MARKET_DATA_HOST + " (ingestor.binance.rest-url)");
        }
        String body = r.body().length() > 200 ? r.body().substring(0, 200) : r.body();
        return new BinanceRestException(r.statusCode(), "HTTP " + r.statusCode() + " from " + r.uri() + ": " + body);
    }

    /** Above the budget, wait for the next minute's window instead of drawing a 429. */
    private void respectWeight(HttpResponse<String> r) throws InterruptedException {
        long used = r.headers().firstValueAsLong("X-MBX-USED-WEIGHT-1M").orElse(0);
        if (used >= weightBudget) {
            long wait = 60_000 - System.currentTimeMillis() % 60_000 + 100;
            LOG.infof("used weight %d ≥ budget %d of %d: pausing %d ms", used, weightBudget, WEIGHT_LIMIT, wait);
            Thread.sleep(wait);
        }
    }

    /** {@code [openTime,"open","high","low","close","volume",closeTime,"quoteVolume",trades,...]} */
    static List<Bar> parse(String symbol, BarInterval interval, String body) {
        try {
            List<Bar> bars = new ArrayList<>();
            for (JsonNode k : JSON.readTree(body)) bars.add(KlineRow.bar(symbol, interval, k.get(0).asLong(), k.get(1).asText(),
                    k.get(2).asText(), k.get(3).asText(), k.get(4).asText(), k.get(5).asText(), k.get(7).asText(), k.get(8).asLong()));
            return bars;
        } catch (IOException e) {
            throw new BinanceRestException(200, "klines answer is not JSON: " + e.getMessage());
        }
    }
}

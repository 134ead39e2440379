package dev.riskplatform.detector.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The market view at 2,000 symbols in headless Chromium, against this real detector: trades of 2,000 symbols
 * go through market_prices, then dashboard/market-test.mjs checks the page (count, ranking, search, a click
 * opening the chart, a window of rows in the DOM) and measures frame times while a bar for every symbol
 * arrives every 4 s. Needs node, Chromium and the built page (dashboard/dist before the build), so it runs
 * when asked: {@code -Dmarket.browser=true}, as ops/market-test.sh does; then a missing tool is a failure.
 */
@Order(90)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MarketViewBrowserTest {

    private static final int SYMBOLS = Integer.getInteger("market.symbols", 2_000);
    private static final int WARM = TestModels.SPEC.warmUpBars() + 6;
    private static final int FLOW_BARS = 300;
    /**
     * A bar for every symbol each 4 s: 500 updates a second, 15 times what 2,000 symbols on 1m bars make. At one
     * bar each second (2,000 updates a second) the broker, the detector and the producer in this JVM took the
     * 2 cores of the CI host from the browser, so the frame times measured the host, not the page.
     */
    private static final int FLOW_PERIOD_S = 4;
    private static final Path DASHBOARD = Path.of("..", "dashboard").toAbsolutePath().normalize();

    @Inject
    ModelManager models;

    @TestHTTPResource("/")
    URI base;

    private static String symbol(int i) {
        return String.format("MV%04dUSDT", i);
    }

    /**
     * Symbol i's closes: its own seeded walk (0.1% a bar, as the test model's training series) from 20,000 + 20 i,
     * so the bar range of Series.trades (one price unit) stays as small as in training; every 97th jumps 3% two
     * bars before the flow.
     */
    private static BigDecimal[] closes(int i) {
        Random rnd = new Random(1_000 + i);
        BigDecimal[] c = new BigDecimal[WARM + FLOW_BARS];
        double price = 20_000 + 20 * i;
        for (int b = 0; b < c.length; b++) {
            price *= Math.exp(rnd.nextGaussian() * 0.001) * (i % 97 == 0 && b == WARM - 2 ? 1.03 : 1);
            c[b] = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
        }
        return c;
    }

    @Test
    void theMarketViewStaysSmoothAtTwoThousandSymbols() throws Exception {
        assumeTrue(Boolean.getBoolean("market.browser"), "runs with -Dmarket.browser=true (ops/market-test.sh)");
        assertTrue(Files.isDirectory(DASHBOARD.resolve("node_modules/playwright-core")), "run npm ci in " + DASHBOARD);
        assertEquals(200, given().get("/dashboard/index.html").statusCode(), "the page is served: node build.mjs before the build");
        TestModels.ensureServing(models);
        BigDecimal[][] closes = new BigDecimal[SYMBOLS][];
        for (int i = 0; i < SYMBOLS; i++) closes[i] = closes(i);
        try (KafkaProducer<String, String> producer = TopicProbe.producer()) {
            for (int b = 0; b < WARM; b++) sendBar(producer, closes, b);
            producer.flush();
            // The last bar of each symbol closes on the idle timer (detector.idle-after), no later trade coming.
            Await.until(SYMBOLS + " symbols scored through bar " + (WARM - 1) + " on /market", Duration.ofMinutes(5),
                    () -> scoredThrough(Series.openTime(WARM - 1)) == SYMBOLS);
            int listed = given().get("/market").then().extract().path("symbols.size()");
            assertEquals(0, runPage(producer, closes, listed), "dashboard/market-test.mjs passed (its output is above)");
        }
    }

    private int runPage(KafkaProducer<String, String> producer, BigDecimal[][] closes, int listed) throws Exception {
        String services = URLEncoder.encode("{\"detector\":\"" + base.toString().replaceAll("/$", "") + "\"}", StandardCharsets.UTF_8);
        Path shot = DASHBOARD.resolveSibling("docs").resolve("market-view.png");
        Process node = new ProcessBuilder("node", "market-test.mjs", base + "dashboard/?services=" + services, shot.toString(),
                String.valueOf(listed), symbol(SYMBOLS * 3 / 4)).directory(DASHBOARD.toFile()).redirectErrorStream(true).start();
        ScheduledExecutorService flow = Executors.newSingleThreadScheduledExecutor();
        AtomicInteger bar = new AtomicInteger(WARM);
        try (var out = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                System.out.println("[market-test.mjs] " + line);
                // A bar for every symbol each FLOW_PERIOD_S, until the page is done.
                if (line.contains("start the updates")) flow.scheduleAtFixedRate(() -> {
                    int b = bar.getAndIncrement();
                    if (b < WARM + FLOW_BARS) sendBar(producer, closes, b);
                }, 0, FLOW_PERIOD_S, TimeUnit.SECONDS);
            }
            assertTrue(node.waitFor(5, TimeUnit.MINUTES), "market-test.mjs finished");
            return node.exitValue();
        } finally {
            flow.shutdownNow();
            node.destroyForcibly();
        }
    }

    private static void sendBar(KafkaProducer<String, String> producer, BigDecimal[][] closes, int b) {
        for (int i = 0; i < closes.length; i++) {
            for (String t : Series.trades(symbol(i), closes[i], b)) producer.send(new ProducerRecord<>("market_prices", symbol(i), t));
        }
    }

    private static long scoredThrough(long openTime) {
        JsonNode market = Series.parse(given().get("/market").then().statusCode(200).extract().asString());
        return StreamSupport.stream(market.get("symbols").spliterator(), false)
                .filter(n -> n.path("symbol").asText().startsWith("MV") && n.path("openTime").asLong() == openTime && n.has("risk"))
                .count();
    }
}

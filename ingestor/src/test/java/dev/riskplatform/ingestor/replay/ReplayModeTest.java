package dev.riskplatform.ingestor.replay;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ingestor.mode=replay as `./platform up` runs it: the real 2013 trades reach market_prices through the client path. */
// Ordered: the storm leaves gap dead letters for the load symbols (no REST history), so the garbage count goes first.
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
@QuarkusTest
@TestProfile(ReplayModeTest.Replay.class)
@QuarkusTestResource(RealInfrastructureResource.class)
class ReplayModeTest {

    @jakarta.inject.Inject ReplayMode replay;

    public static class Replay implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("ingestor.mode", "replay", "ingestor.replay.speed", "3000");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void bitstampTradesArriveAsBtcusdtReplayInIdOrderAndTheStreamIsReady() {
        var seen = TopicProbe.readUntil("market_prices", rs -> replayed(rs).size() >= 100, Duration.ofSeconds(60));
        List<MarketPriceMessage.Received> replayed = replayed(seen);
        assertTrue(replayed.size() >= 100, "replayed trades: " + replayed.size());
        for (int i = 0; i < 100; i++) assertEquals(i + 1, replayed.get(i).trade().tradeId(), "ids 1.. in order");
        // First row of bitstamp_trades_from_20131125_usd.csv: 2013-11-25 (epoch seconds ≥ 1385337600).
        assertTrue(replayed.get(0).trade().tradeTime() >= 1_385_337_600_000L);
        given().get("/q/health/ready").then().body("checks.name", hasItem("binance-stream"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** The garbage drill in small: every fuzzed frame is in the dead-letter topic with a reason, none in market_prices. */
    @Test
    @org.junit.jupiter.api.Order(2)
    void fuzzedFramesAllGoToTheDeadLetterTopicWithAReason() {
        TopicProbe.readUntil("market_prices", rs -> !replayed(rs).isEmpty(), Duration.ofSeconds(60));
        given().post("/replay/chaos/garbage?count=600&seed=7").then().statusCode(200).body("sent", org.hamcrest.Matchers.is(600));
        var dlq = TopicProbe.readUntil("market_prices_dlq", rs -> rs.size() >= 600, Duration.ofSeconds(60));
        assertEquals(600, dlq.size(), "one dead letter per fuzzed frame");
        assertTrue(dlq.stream().allMatch(r -> r.value().contains("\"reason\":\"") && !r.value().contains("\"reason\":\"\"")),
                "every dead letter says why");
        List<MarketPriceMessage.Received> prices = replayed(TopicProbe.readUntil("market_prices", rs -> false, Duration.ofSeconds(2)));
        assertTrue(prices.stream().allMatch(p -> p.trade().tradeId() < 900_000_000L), "no fuzzed frame became a trade");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void aDisconnectStormIsRecoveredWithoutLosingATrade() {
        TopicProbe.readUntil("market_prices", rs -> !replayed(rs).isEmpty(), Duration.ofSeconds(60));
        int before = given().get("/replay/status").then().statusCode(200).extract().path("connections");
        given().post("/replay/chaos/disconnects?times=3&everyMs=300").then().statusCode(200);
        given().post("/replay/chaos/server-shutdown").then().statusCode(200);
        // The storm's last drop lands ~600 ms after the first: wait it out, or it hits the next test's load run.
        long stormOver = System.currentTimeMillis() + 3 * 300 + 200;
        // A drop that lands while the client is still backing off closes nothing: count reconnects, not drops.
        dev.riskplatform.ingestor.Await.until("reconnected after the storm", Duration.ofSeconds(60),
                () -> System.currentTimeMillis() > stormOver
                        && given().get("/replay/status").then().extract().<Integer>path("connections") > before
                        && given().get("/replay/status").then().extract().<Integer>path("openClients") >= 1
                        && given().get("/q/health/ready").then().extract().statusCode() == 200);
        var status = given().get("/replay/status").then().extract();
        int sent = status.path("sent");
        long lastId = ((Number) status.path("lastSentTradeId")).longValue();
        var rs = TopicProbe.readUntil("market_prices", r -> distinctIdsUpTo(r, lastId) >= sent, Duration.ofSeconds(60));
        assertEquals(sent, distinctIdsUpTo(rs, lastId), "every trade streamed before the check is in market_prices (backfilled)");
    }

    /** The load harness's source: synthetic symbols at a paced rate, through the same client path, every trade published. */
    @Test
    @org.junit.jupiter.api.Order(4)
    void syntheticLoadReachesMarketPricesThroughTheClientPath() {
        given().post("/replay/load?symbols=2&rate=500&seconds=2&eventSpeed=60").then().statusCode(200).body("started", org.hamcrest.Matchers.is(true));
        var rs = TopicProbe.readUntil("market_prices", r -> loadTrades(r) >= 1000, Duration.ofSeconds(60));
        assertEquals(1000, loadTrades(rs), "500 trades/s for 2 s over two LOAD symbols");
        dev.riskplatform.ingestor.Await.until("the run ends", Duration.ofSeconds(30),
                () -> !given().get("/replay/load").then().extract().<Boolean>path("running"));
    }

    /** The replay exchange's listings, as the load harness and the drills set them, served by GET /api/v3/exchangeInfo. */
    @Test
    @org.junit.jupiter.api.Order(5)
    void drillsListAndDelistSymbolsOnTheReplayExchange() throws Exception {
        given().post("/replay/listings?symbol=DRILLUSDT").then().statusCode(200).body("status", org.hamcrest.Matchers.is("TRADING"));
        given().post("/replay/listings?symbol=bad%20symbol").then().statusCode(400);
        given().delete("/replay/listings?symbol=DRILLUSDT").then().statusCode(200).body("status", org.hamcrest.Matchers.is("BREAK"));
        String body = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + replay.server().port() + "/api/v3/exchangeInfo")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> status = new java.util.HashMap<>();
        new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("symbols")
                .forEach(n -> status.put(n.get("symbol").asText(), n.get("status").asText()));
        assertEquals("TRADING", status.get("BTCUSDT"), "the replayed symbol");
        assertEquals("BREAK", status.get("DRILLUSDT"));
        assertEquals(2, status.entrySet().stream().filter(e -> e.getKey().startsWith("LOAD") && e.getValue().equals("TRADING")).count(),
                "the load run's two symbols");
    }

    private static long loadTrades(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> rs) {
        return rs.stream().filter(r -> r.key() != null && r.key().startsWith("LOAD")).count();
    }

    /** The tape's ids are 1..N in order, so the first {@code sent} trades are exactly the ids up to the last one sent. */
    private static long distinctIdsUpTo(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> rs, long lastId) {
        return replayed(rs).stream().mapToLong(p -> p.trade().tradeId()).filter(id -> id <= lastId).distinct().count();
    }

    private static List<MarketPriceMessage.Received> replayed(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> rs) {
        return rs.stream().filter(r -> "BTCUSDT".equals(r.key()) && r.value().contains("\"source\":\"replay\""))
                .map(r -> MarketPriceMessage.parse(r.value())).toList();
    }
}

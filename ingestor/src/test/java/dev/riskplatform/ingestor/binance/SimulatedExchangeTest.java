package dev.riskplatform.ingestor.binance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.ingestor.Await;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.simulator.Garbage;
import dev.riskplatform.simulator.LoadGenerator;
import dev.riskplatform.simulator.ReplayServer;
import dev.riskplatform.simulator.SimulatedMarket;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The ingestor as `./platform up` runs it: mode live, pointed by configuration at a Binance simulator on its own port,
 * following the simulator's listings ({@code *USDT}). The real 2013 trades reach market_prices through the client
 * path; the simulator's faults and load are the drills' and the load harness's in small.
 */
// Ordered: the storm leaves gap dead letters for the load symbols (no REST history), so the garbage count goes first.
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@QuarkusTest
@TestProfile(SimulatedExchangeTest.Simulated.class)
@QuarkusTestResource(RealInfrastructureResource.class)
class SimulatedExchangeTest {

    /** System-wide, not a static field: Quarkus reads the profile in a class loader of its own. */
    private static final String PORT_PROPERTY = "ingestor.test.simulator-port";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static Vertx vertx;
    private static ReplayServer server;
    private static LoadGenerator load;

    public static class Simulated implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "//127.0.0.1:" + simulatorPort();
            return Map.of("ingestor.mode", "live", "ingestor.binance.ws-url", "ws:" + url, "ingestor.binance.rest-url", "http:" + url,
                    "ingestor.binance.symbols", "*USDT", "ingestor.binance.symbols-refresh", "1s", "ingestor.binance.source", "replay");
        }
    }

    /** The simulator's port, picked free once per JVM. */
    private static synchronized int simulatorPort() {
        if (System.getProperty(PORT_PROPERTY) == null) {
            try (ServerSocket s = new ServerSocket(0)) {
                System.setProperty(PORT_PROPERTY, Integer.toString(s.getLocalPort()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Integer.getInteger(PORT_PROPERTY);
    }

    /** Started after the ingestor, which retries until it is there, as it does when the exchange is down. */
    @BeforeAll
    static void startSimulator() {
        vertx = Vertx.vertx();
        server = new ReplayServer(vertx);
        server.start(simulatorPort());
        SimulatedMarket.bitstamp(vertx, server, "BTCUSDT").play(3000, 0);
        load = new LoadGenerator(vertx, server);
    }

    @AfterAll
    static void stopSimulator() {
        server.close();
        vertx.close();
    }

    @Test
    @Order(1)
    void bitstampTradesArriveAsBtcusdtReplayInIdOrderAndTheStreamIsReady() {
        var seen = TopicProbe.readUntil("market_prices", rs -> replayed(rs).size() >= 100, WAIT);
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
    @Order(2)
    void fuzzedFramesAllGoToTheDeadLetterTopicWithAReason() {
        TopicProbe.readUntil("market_prices", rs -> !replayed(rs).isEmpty(), WAIT);
        Garbage garbage = new Garbage(7);
        for (long i = 0; i < 600; i++) server.broadcastRaw(garbage.next("BTCUSDT", i));
        var dlq = TopicProbe.readUntil("market_prices_dlq", rs -> rs.size() >= 600, WAIT);
        assertEquals(600, dlq.size(), "one dead letter per fuzzed frame");
        assertTrue(dlq.stream().allMatch(r -> r.value().contains("\"reason\":\"") && !r.value().contains("\"reason\":\"\"")),
                "every dead letter says why");
        List<MarketPriceMessage.Received> prices = replayed(TopicProbe.readUntil("market_prices", rs -> false, Duration.ofSeconds(2)));
        assertTrue(prices.stream().allMatch(p -> p.trade().tradeId() < 900_000_000L), "no fuzzed frame became a trade");
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    @Order(3)
    void aDisconnectStormIsRecoveredWithoutLosingATrade() {
        TopicProbe.readUntil("market_prices", rs -> !replayed(rs).isEmpty(), WAIT);
        long before = server.connectionCount();
        server.disconnectStorm(3, 300);
        server.sendServerShutdown();
        // The storm's last drop lands ~600 ms after the first: wait it out, or it hits the next test's load run.
        long stormOver = System.currentTimeMillis() + 3 * 300 + 200;
        // A drop that lands while the client is still backing off closes nothing: count reconnects, not drops.
        Await.until("reconnected after the storm", WAIT, () -> System.currentTimeMillis() > stormOver
                && server.connectionCount() > before && server.openClients() >= 1
                && given().get("/q/health/ready").then().extract().statusCode() == 200);
        Map<String, Object> progress = server.progress("BTCUSDT");
        long sent = ((Number) progress.get("sent")).longValue();
        long lastId = ((Number) progress.get("lastSentTradeId")).longValue();
        var rs = TopicProbe.readUntil("market_prices", r -> distinctIdsUpTo(r, lastId) >= sent, WAIT);
        assertEquals(sent, distinctIdsUpTo(rs, lastId), "every trade streamed before the check is in market_prices (backfilled)");
    }

    /** The load harness in small: the simulator lists synthetic symbols, the ingestor follows and publishes every trade. */
    @Test
    @Order(4)
    void syntheticLoadOfNewListingsReachesMarketPricesThroughTheClientPath() {
        assertTrue(load.start(2, 500, Duration.ofSeconds(2), 60, 32, 100, 0), "a run starts");
        var rs = TopicProbe.readUntil("market_prices", r -> loadTrades(r) >= 1000, WAIT);
        assertEquals(1000, loadTrades(rs), "500 trades/s for 2 s over two LOAD symbols");
        Await.until("the run ends", Duration.ofSeconds(30), () -> !(Boolean) load.status().get("running"));
    }

    private static long loadTrades(List<ConsumerRecord<String, String>> rs) {
        return rs.stream().filter(r -> r.key() != null && r.key().startsWith("LOAD")).count();
    }

    /** The tape's ids are 1..N in order, so the first {@code sent} trades are exactly the ids up to the last one sent. */
    private static long distinctIdsUpTo(List<ConsumerRecord<String, String>> rs, long lastId) {
        return replayed(rs).stream().mapToLong(p -> p.trade().tradeId()).filter(id -> id <= lastId).distinct().count();
    }

    private static List<MarketPriceMessage.Received> replayed(List<ConsumerRecord<String, String>> rs) {
        return rs.stream().filter(r -> "BTCUSDT".equals(r.key()) && r.value().contains("\"source\":\"replay\""))
                .map(r -> MarketPriceMessage.parse(r.value())).toList();
    }
}

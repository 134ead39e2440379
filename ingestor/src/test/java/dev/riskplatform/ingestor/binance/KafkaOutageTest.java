package dev.riskplatform.ingestor.binance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.ingestor.Await;
import dev.riskplatform.ingestor.metrics.IngestorMetrics;
import dev.riskplatform.ingestor.publish.PublishGate;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.simulator.ReplayServer;
import dev.riskplatform.testsupport.KafkaBroker;
import dev.riskplatform.testsupport.RealInfrastructure;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 19, item 2: the broker stopped under a running stream. More trades arrive than the publish gate holds, so
 * before the fix the socket stayed paused for the whole outage (no pong went out) and /q/metrics hung with the
 * event loop. Now pongs keep flowing, readiness says why, and every trade reaches market_prices once the broker is
 * back (the ones past the buffer by the REST gap fill).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class KafkaOutageTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int BEFORE = 100, DURING = 3 * PublishGate.HIGH, AFTER = 200;

    @Inject Vertx vertx;
    @Inject LiveIngestor ingestor;
    @Inject IngestorMetrics metrics;
    @Inject PublishGate gate;

    private ReplayServer server;
    private IngestSession session;

    @AfterEach
    void tearDown() {
        if (session != null) ingestor.close(session);
        if (server != null) server.close();
    }

    @Test
    void aBrokerOutageKeepsPongsFlowingSaysWhyAndLosesNoTrade() {
        String symbol = LiveIngestionTest.newSymbol();
        int total = BEFORE + DURING + AFTER;
        server = new ReplayServer(vertx);
        int port = server.start(0);
        server.load(symbol, LiveIngestionTest.trades(symbol, total, 1));
        session = ingestor.open(URI.create("ws://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port),
                List.of(symbol), Duration.ofHours(23), LiveIngestor.Sources.BINANCE);
        Await.until("connected", WAIT, () -> server.openClients() == 1 && session.allConnected());
        server.startPinging(Duration.ofMillis(100));
        server.emit(symbol, BEFORE);
        Await.until("the first trades acknowledged", WAIT, () -> session.lastPublishedId(symbol) == BEFORE && gate.inFlight() == 0);

        double failuresBefore = metrics.count("ingestor.publish.failures", "topic", "market_prices");
        KafkaBroker broker = RealInfrastructure.get().kafka();
        broker.stopBroker();
        try {
            server.emit(symbol, DURING); // more than the gate holds: before the fix the socket paused for the whole outage
            Await.until("readiness says Kafka is unavailable", WAIT, () -> given().get("/q/health/ready").statusCode() == 503
                    && given().get("/q/health/ready").asString().contains("Kafka unavailable"));
            long pongs = server.echoedPongs();
            Await.until("pongs keep flowing during the outage", Duration.ofSeconds(10), () -> server.echoedPongs() >= pongs + 10);
            given().get("/q/health/live").then().statusCode(200);
            long t0 = System.nanoTime();
            given().get("/q/metrics").then().statusCode(200).body(containsString("ingestor_trades_deferred_total"));
            assertTrue(System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos(), "/q/metrics answers during the outage");
            assertTrue(metrics.count("ingestor.trades.deferred", "symbol", symbol) > 0, "trades past the buffer were deferred");
        } finally {
            broker.startBroker();
        }
        server.emit(symbol, AFTER);
        Await.until("every trade published", WAIT, () -> session.lastPublishedId(symbol) == total);
        List<MarketPriceMessage.Received> got = LiveIngestionTest.published(symbol, total);
        List<Long> ids = got.stream().map(r -> r.trade().tradeId()).toList();
        // Compared as a count and a flag: a list of 24,876 ids in a failure message is unreadable.
        assertEquals(total, ids.size(), "every trade once");
        assertTrue(ids.equals(LongStream.rangeClosed(1, total).boxed().toList()), "ids 1.." + total + " in order");
        assertEquals(failuresBefore, metrics.count("ingestor.publish.failures", "topic", "market_prices"), "no record failed");
        assertTrue(got.stream().anyMatch(r -> "binance-backfill".equals(r.source())), "the deferred trades came from REST");
    }
}

package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.ingestor.Await;
import dev.riskplatform.ingestor.metrics.IngestorMetrics;
import dev.riskplatform.ingestor.publish.PublishGate;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.simulator.ReplayServer;
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
 * Issue 19, item 7: an ingestor that starts again resumes each symbol after its last trade in market_prices, so the
 * trades the exchange streamed while no ingestor ran are a gap at the first live trade, filled from REST.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RestartGapTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

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

    private IngestSession open(String symbol) {
        IngestSession s = ingestor.open(URI.create("ws://127.0.0.1:" + server.port()), URI.create("http://127.0.0.1:" + server.port()),
                List.of(symbol), Duration.ofHours(23), LiveIngestor.Sources.BINANCE);
        Await.until("connected", WAIT, () -> server.openClients() == 1 && s.allConnected());
        return s;
    }

    @Test
    void tradesStreamedWhileTheIngestorWasDownAreFoundAsAGapAndBackfilled() {
        String symbol = LiveIngestionTest.newSymbol();
        server = new ReplayServer(vertx);
        server.start(0);
        server.load(symbol, LiveIngestionTest.trades(symbol, 600, 7001));
        session = open(symbol);
        server.emit(symbol, 200);
        Await.until("200 acknowledged", WAIT, () -> session.lastPublishedId(symbol) == 7200 && gate.inFlight() == 0);
        ingestor.close(session); // the process is gone: a fresh session has no memory of its own
        session = null;
        Await.until("disconnected", WAIT, () -> server.openClients() == 0);
        server.emit(symbol, 200); // 7201..7400 happen while no ingestor listens

        session = open(symbol);
        assertEquals(7200, session.lastPublishedId(symbol), "resumed after the last trade in market_prices");
        server.emit(symbol, 200);
        List<MarketPriceMessage.Received> got = LiveIngestionTest.published(symbol, 600);
        assertEquals(LongStream.rangeClosed(7001, 7600).boxed().toList(), got.stream().map(r -> r.trade().tradeId()).toList(),
                "0 lost, 0 duplicated, in order");
        assertTrue(got.stream().filter(r -> r.trade().tradeId() > 7200 && r.trade().tradeId() <= 7400)
                .allMatch(r -> "binance-backfill".equals(r.source())), "the missed trades came from REST");
        assertEquals(1.0, metrics.count("ingestor.gaps", "symbol", symbol, "outcome", "backfilled"));
    }
}

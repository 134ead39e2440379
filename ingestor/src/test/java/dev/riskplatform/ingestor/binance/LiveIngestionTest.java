package dev.riskplatform.ingestor.binance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.BitstampSample;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.Await;
import dev.riskplatform.ingestor.metrics.IngestorMetrics;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.simulator.ReplayServer;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The live path end to end: a local server speaking Binance's protocol, the real client, the real
 * broker. Every test uses its own symbol, so the shared topic needs no cleaning.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class LiveIngestionTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final AtomicInteger SYMBOLS = new AtomicInteger();
    private static List<Trade> bitstamp;

    @Inject Vertx vertx;
    @Inject LiveIngestor ingestor;
    @Inject IngestorMetrics metrics;

    private ReplayServer server;
    private IngestSession session;

    @AfterEach
    void tearDown() {
        if (session != null) ingestor.close(session);
        if (server != null) server.close();
    }

    /** The first {@code n} real Bitstamp trades as {@code symbol}, ids from {@code firstId}. */
    static List<Trade> trades(String symbol, int n, long firstId) {
        synchronized (LiveIngestionTest.class) {
            if (bitstamp == null) bitstamp = BitstampSample.trades("BTCUSDT");
        }
        List<Trade> out = new ArrayList<>();
        for (Trade t : bitstamp.subList(0, n)) out.add(new Trade(symbol, t.tradeId(), t.price(), t.quantity(), t.tradeTime(), t.buyerIsMaker()));
        return BitstampSample.renumber(out, firstId);
    }

    private String connect(List<Trade> tape) {
        String symbol = tape.get(0).symbol();
        server = new ReplayServer(vertx);
        int port = server.start(0);
        server.load(symbol, tape);
        session = ingestor.open(URI.create("ws://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port),
                List.of(symbol), Duration.ofHours(23), LiveIngestor.Sources.BINANCE);
        Await.until("client connected", WAIT, () -> server.openClients() == 1 && session.allConnected());
        return symbol;
    }

    static String newSymbol() {
        return "TEST" + SYMBOLS.incrementAndGet() + "X" + (System.nanoTime() % 100_000) + "USDT";
    }

    static List<MarketPriceMessage.Received> published(String symbol, int expected) {
        List<ConsumerRecord<String, String>> seen = TopicProbe.readUntil("market_prices",
                rs -> rs.stream().filter(r -> symbol.equals(r.key())).count() >= expected, WAIT);
        return seen.stream().filter(r -> symbol.equals(r.key())).map(r -> MarketPriceMessage.parse(r.value())).toList();
    }

    private static com.fasterxml.jackson.databind.JsonNode tree(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Long> ids(List<MarketPriceMessage.Received> rs) {
        return rs.stream().map(r -> r.trade().tradeId()).toList();
    }

    private static List<Long> range(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void tradesArriveOnceInOrderWithTheDocumentedShape() {
        List<Trade> tape = trades(newSymbol(), 200, 1);
        String symbol = connect(tape);
        server.emit(symbol, 200);
        List<MarketPriceMessage.Received> got = published(symbol, 200);
        assertEquals(range(1, 200), ids(got), "every trade once, in id order (one key, one partition)");
        assertEquals(tape, got.stream().map(MarketPriceMessage.Received::trade).toList(), "prices and quantities exact");
        assertTrue(got.stream().allMatch(r -> "binance".equals(r.source()) && r.ingestTime() > 0));
    }

    @Test
    void forcedDisconnectMidStreamLosesNothingAndDuplicatesNothing() {
        String symbol = connect(trades(newSymbol(), 1000, 5001));
        double backfilledBefore = metrics.count("ingestor.gaps", "symbol", symbol, "outcome", "backfilled");
        server.emit(symbol, 300);
        Await.until("300 trades published", WAIT, () -> session.lastPublishedId(symbol) == 5300);
        server.disconnectAll();
        server.emit(symbol, 400); // happen at the exchange while nobody listens
        Await.until("reconnected", WAIT, () -> server.openClients() == 1);
        server.emit(symbol, 300);
        List<MarketPriceMessage.Received> got = published(symbol, 1000);
        assertEquals(range(5001, 6000), ids(got), "ids 5001..6000 each exactly once, in order");
        assertTrue(got.stream().anyMatch(r -> "binance-backfill".equals(r.source())), "the gap came from REST");
        assertEquals(backfilledBefore + 1, metrics.count("ingestor.gaps", "symbol", symbol, "outcome", "backfilled"));
        assertTrue(server.restCalls() >= 1);
    }

    /**
     * Issue 19, item 6: one bad trade in a historicalTrades page made the whole page (up to 1,000 trades) unfillable.
     * Now each bad trade is a dead letter with its reason and the page's good trades fill the gap.
     */
    @Test
    void badTradesOfABackfillPageAreDeadLetteredOneByOneAndTheRestFillsTheGap() {
        String symbol = connect(trades(newSymbol(), 300, 1));
        server.editHistory(symbol, 120, e -> e.replaceFirst("\"price\":\"[^\"]+\"", "\"price\":\"-1\""));
        server.editHistory(symbol, 130, e -> e.replace("\"isBuyerMaker\":", "\"isBuyerMaker\":\"yes\",\"x\":"));
        server.editHistory(symbol, 140, e -> e.replace("\"id\":140", "\"id\":18446744073709551756"));
        server.editHistory(symbol, 150, e -> e.replace("\"id\":150,", ""));
        server.emit(symbol, 100);
        Await.until("100 published", WAIT, () -> session.lastPublishedId(symbol) == 100);
        server.disconnectAll();
        server.emit(symbol, 100); // 101..200 happen while nobody listens: REST must fill them
        Await.until("reconnected", WAIT, () -> server.openClients() == 1);
        server.emit(symbol, 100);
        List<Long> expected = new ArrayList<>(range(1, 300));
        expected.removeAll(List.of(120L, 130L, 140L, 150L));
        assertEquals(expected, ids(published(symbol, 296)), "every good trade of the page filled the gap");
        var dlq = TopicProbe.readUntil("market_prices_dlq",
                rs -> rs.stream().filter(r -> symbol.equals(r.key())).count() >= 5, WAIT).stream()
                .filter(r -> symbol.equals(r.key())).map(r -> tree(r.value())).toList();
        for (String reason : new String[] {"price must be > 0", "\"isBuyerMaker\" is missing or not a boolean", "\"id\" is out of range",
                "\"id\" is missing", "trade ids 140..140 could not be backfilled", "trade ids 150..150 could not be backfilled"}) {
            assertTrue(dlq.stream().anyMatch(n -> n.path("reason").asText().contains(reason)), reason + " in " + dlq);
        }
        assertTrue(dlq.stream().filter(n -> !n.path("raw").asText().contains("\"gap\""))
                .allMatch(n -> "binance-rest".equals(n.path("source").asText()) && n.path("raw").asText().startsWith("{\"")), dlq.toString());
    }

    @Test
    void maxConnectionAgeReconnectsProactivelyWithoutLoss() {
        List<Trade> tape = trades(newSymbol(), 60, 1);
        String symbol = tape.get(0).symbol();
        server = new ReplayServer(vertx);
        int port = server.start(0);
        server.load(symbol, tape);
        // A 2 s "24 h limit": the client must leave on its own before the server would drop it.
        session = ingestor.open(URI.create("ws://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port),
                List.of(symbol), Duration.ofSeconds(2), LiveIngestor.Sources.BINANCE);
        Await.until("connected", WAIT, () -> server.openClients() == 1);
        server.emit(symbol, 30);
        Await.until("a proactive reconnect", WAIT, () -> server.connectionCount() >= 2 && server.openClients() == 1);
        server.emit(symbol, 30);
        assertEquals(range(1, 60), ids(published(symbol, 60)));
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("ingestor_reconnects_total{cause=\"max-age\""))
                .body(containsString("ingestor_trades_published_total{source=\"binance\",symbol=\"" + symbol + "\""));
    }

    @Test
    void serverShutdownReconnectsAtOnceWithoutLoss() {
        String symbol = connect(trades(newSymbol(), 100, 1));
        server.emit(symbol, 50);
        Await.until("50 published", WAIT, () -> session.lastPublishedId(symbol) == 50);
        server.sendServerShutdown();
        Await.until("a second connection", WAIT, () -> server.connectionCount() == 2 && server.openClients() == 1);
        server.emit(symbol, 50);
        assertEquals(range(1, 100), ids(published(symbol, 100)));
    }

    @Test
    void pingsAreAnsweredWithAPongEchoingThePayload() {
        String symbol = connect(trades(newSymbol(), 10, 1));
        // Every 400 ms: pongs count towards Binance's 5 incoming messages a second, so faster pings would get the client dropped.
        server.startPinging(Duration.ofMillis(400));
        Await.until("8 pings answered", WAIT, () -> server.echoedPongs() >= 8);
        server.emit(symbol, 10);
        assertEquals(range(1, 10), ids(published(symbol, 10)), "trades still flow between pings");
        assertEquals(0, server.otherPongs(), "no pong without its ping's payload");
        assertTrue(server.pingsSent() - server.echoedPongs() <= 1, "every ping but the one in flight was answered once");
        assertEquals(1, server.connectionCount(), "answering pings keeps the connection");
    }

    @Test
    void unfillableGapIsReportedAndSkipped() {
        String symbol = newSymbol();
        List<Trade> tape = new ArrayList<>(trades(symbol, 50, 1));
        tape.addAll(trades(symbol, 50, 61)); // the exchange itself has no trades 51..60
        connect(tape);
        server.emit(symbol, 100);
        List<MarketPriceMessage.Received> got = published(symbol, 100);
        List<Long> expected = new ArrayList<>(range(1, 50));
        expected.addAll(range(61, 110));
        assertEquals(expected, ids(got));
        assertEquals(1.0, metrics.count("ingestor.gaps", "symbol", symbol, "outcome", "unfillable"));
        var dlq = TopicProbe.readUntil("market_prices_dlq", rs -> rs.stream().anyMatch(r -> symbol.equals(r.key())), WAIT);
        assertTrue(dlq.stream().anyMatch(r -> symbol.equals(r.key())
                && r.value().contains("trade ids 51..60 could not be backfilled")), "a gap record in the DLQ");
    }
}

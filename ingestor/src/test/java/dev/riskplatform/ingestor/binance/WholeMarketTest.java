package dev.riskplatform.ingestor.binance;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.SymbolSelection;
import dev.riskplatform.ingestor.Await;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.simulator.ReplayServer;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code BINANCE_SYMBOLS=ALL} against the replay server's exchangeInfo: 2,100 symbols on three connections of at most
 * 1,024 streams, subscribed with paced SUBSCRIBE messages, and a listing and a delisting followed while it runs.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class WholeMarketTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject Vertx vertx;
    @Inject LiveIngestor ingestor;

    private ReplayServer server;
    private IngestSession session;

    @AfterEach
    void tearDown() {
        if (session != null) ingestor.close(session);
        if (server != null) server.close();
    }

    private Set<String> carriedOnServer() {
        return server.subscriptions().stream().flatMap(Set::stream).collect(Collectors.toSet());
    }

    private static List<Long> ids(String symbol, int n) {
        return LiveIngestionTest.published(symbol, n).stream().map(r -> r.trade().tradeId()).toList();
    }

    @Test
    void allSymbolsOfExchangeInfoAreShardedSubscribedAndFollowed() {
        String tag = Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase(Locale.ROOT);
        List<String> market = IntStream.range(0, 2100).mapToObj(i -> String.format("M%04d%sUSDT", i, tag)).toList();
        server = new ReplayServer(vertx);
        int port = server.start(0);
        server.universe().listAll(market);
        List<String> probes = List.of(market.get(0), market.get(1500), market.get(2099)); // one on each connection
        probes.forEach(s -> server.load(s, LiveIngestionTest.trades(s, 50, 1)));
        session = ingestor.follow(URI.create("ws://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port),
                SymbolSelection.parse(List.of("ALL")), Duration.ofMillis(500), Duration.ofHours(23), LiveIngestor.Sources.BINANCE);

        Await.until("2,100 streams subscribed", WAIT, () -> session.allSubscribed() && carriedOnServer().size() == 2100);
        assertEquals(3, session.connections());
        assertEquals(3, server.connectionCount(), "exactly three connections were opened");
        assertEquals(market.stream().map(StreamNames::tradeStream).collect(Collectors.toSet()), carriedOnServer());
        assertTrue(server.subscriptions().stream().allMatch(s -> s.size() <= 1024), "at most 1,024 streams a connection");
        assertTrue(server.requests() >= 21, "2,100 streams at 100 a message: " + server.requests());
        for (String s : probes) {
            server.emit(s, 50);
            assertEquals(LongStream.rangeClosed(1, 50).boxed().toList(), ids(s, 50), s);
        }
        given().get("/q/health/ready").then().body("checks.find { it.name == 'binance-stream' }.data.'connection-2'", startsWith("up, 52 of 52"));

        String listed = "L" + tag + "USDT";
        server.universe().list(listed);
        server.load(listed, LiveIngestionTest.trades(listed, 20, 1));
        String delisted = market.get(7);
        server.universe().delist(delisted);
        Await.until("the listing subscribed, the delisting unsubscribed", WAIT, () -> session.allSubscribed()
                && carriedOnServer().contains(StreamNames.tradeStream(listed)) && !carriedOnServer().contains(StreamNames.tradeStream(delisted)));
        assertEquals(2100, carriedOnServer().size());
        assertEquals(3, server.connectionCount(), "followed on the open connections, no reconnect");
        Set<String> carried = new HashSet<>(session.carriedSymbols());
        assertTrue(carried.contains(listed) && !carried.contains(delisted));
        server.emit(listed, 20);
        assertEquals(LongStream.rangeClosed(1, 20).boxed().toList(), ids(listed, 20), "the listing's trades flow");

        assertEquals(0, server.rateLimitDrops(), "no connection was dropped for its message rate");
        assertTrue(server.peakIncomingPerSecond() <= 5, "at most 5 messages a second a connection: " + server.peakIncomingPerSecond());
    }
}

package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.Await;
import dev.riskplatform.ingestor.metrics.IngestorMetrics;
import dev.riskplatform.simulator.BinancePayloads;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bad input on a live connection: dead-lettered with its reason and raw text, never published, never fatal. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class BadInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject Vertx vertx;
    @Inject LiveIngestor ingestor;
    @Inject IngestorMetrics metrics;

    @Test
    void badMessagesLandInTheDlqWithReasonsAndTheStreamGoesOn() throws Exception {
        String symbol = LiveIngestionTest.newSymbol();
        String stream = BinancePayloads.tradeStream(symbol);
        var tape = LiveIngestionTest.trades(symbol, 20, 1001);
        try (ReplayServer server = new ReplayServer(vertx)) {
            int port = server.start(0);
            server.load(symbol, tape);
            IngestSession session = ingestor.open(URI.create("ws://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port),
                    List.of(symbol), Duration.ofHours(23), LiveIngestor.Sources.BINANCE);
            try {
                Await.until("connected", Duration.ofSeconds(30), () -> server.openClients() == 1);
                server.emit(symbol, 10);
                Await.until("10 published", Duration.ofSeconds(30), () -> session.lastPublishedId(symbol) == 1010);
                Map<String, String> bad = badMessages(symbol, stream, tape);
                bad.keySet().forEach(server::broadcastRaw);
                server.emit(symbol, 10);
                assertDeadLettered(bad);
                var prices = LiveIngestionTest.published(symbol, 20);
                assertEquals(java.util.stream.LongStream.rangeClosed(1001, 1020).boxed().toList(),
                        prices.stream().map(r -> r.trade().tradeId()).toList(), "only the good trades, each once");
                assertEquals(1, server.connectionCount(), "no bad message cost the connection");
            } finally {
                ingestor.close(session);
            }
        }
    }

    /**
     * Issue 19, item 1: an id beyond 64 bits was published cut to its low 64 bits; 2^64 + 2^62 became 2^62, and every
     * later real trade of the symbol was then "older" than it.
     */
    @Test
    void integersBeyondALongAreDeadLetteredAndDoNotPoisonTheSymbol() {
        Map<String, String> bad = new LinkedHashMap<>();
        streamAround((symbol, tape, server) -> {
            String next = BinancePayloads.tradeEvent(tape.get(10), 1); // id 1011: the next one
            bad.put(next.replace("\"t\":1011", "\"t\":18446744073709551624"), "\"t\" is out of range");
            bad.put(next.replace("\"t\":1011", "\"t\":23058430092136939520"), "\"t\" is out of range");
            bad.put(next.replaceFirst("\"T\":\\d+", "\"T\":18446744073709551616"), "\"T\" is out of range");
            bad.put(next.replace("\"E\":1", "\"E\":18446744073709551617"), "\"E\" is out of range");
            bad.put(next.replace("\"E\":1", "\"E\":-1"), "\"E\" is out of range");
            bad.keySet().forEach(server::broadcastRaw);
        });
        assertDeadLettered(bad);
    }

    /** Issue 19, item 3: content after the first JSON value was ignored: the trade was published, a result frame dropped. */
    @Test
    void contentAfterTheJsonObjectIsADeadLetter() {
        Map<String, String> bad = new LinkedHashMap<>();
        streamAround((symbol, tape, server) -> {
            String next = BinancePayloads.tradeEvent(tape.get(10), 1);
            bad.put(next + " GARBAGE", "after the JSON object");
            bad.put(BinancePayloads.combined(BinancePayloads.tradeStream(symbol), next) + "}", "after the JSON object");
            bad.put("{\"result\":null,\"id\":1}x", "after the JSON object");
            bad.keySet().forEach(server::broadcastRaw);
        });
        assertDeadLettered(bad);
    }

    /** Issue 19, item 5: "1e5" was published as "100000"; docs/topics.md promises the text as Binance sent it. */
    @Test
    void decimalsNotInBinanceFormAreDeadLetteredNotRewritten() {
        Map<String, String> bad = new LinkedHashMap<>();
        streamAround((symbol, tape, server) -> {
            String next = BinancePayloads.tradeEvent(tape.get(10), 1);
            for (String text : new String[] {"1e5", "+7", "007.5", ".5"}) {
                bad.put(next.replaceFirst("\"p\":\"[^\"]+\"", "\"p\":\"" + text + "\""), "price is not a plain decimal");
                bad.put(next.replaceFirst("\"q\":\"[^\"]+\"", "\"q\":\"" + text + "\""), "quantity is not a plain decimal");
            }
            bad.put(next.replaceFirst("\"q\":\"[^\"]+\"", "\"q\":\"-0\""), "quantity is not a plain decimal");
            bad.keySet().forEach(server::broadcastRaw);
        });
        assertDeadLettered(bad);
    }

    /**
     * Issue 19, item 4: one frame over 64 KiB made the client close its own connection (1009), with no dead letter and
     * no count; a binary frame vanished. Both are dead letters now, counted, and the connection stays.
     */
    @Test
    void oversizedAndBinaryFramesAreCountedDeadLettersAndTheConnectionStays() {
        double oversized = metrics.count("ingestor.dead.letters", "kind", "oversized");
        double binary = metrics.count("ingestor.dead.letters", "kind", "binary");
        String big = "{\"e\":\"trade\",\"pad\":\"" + "x".repeat(100 * 1024) + "\"}";
        streamAround((symbol, tape, server) -> {
            server.broadcastFrame(big);
            server.broadcastRaw(big.replace("\"pad\"", "\"fragmented\"")); // Vert.x splits it into 64 KiB frames
            server.broadcastBinary(new byte[] {0, 1, 2, (byte) 0xff, 'h', 'i'});
            server.broadcastRaw("y".repeat(BinanceConnection.MAX_FRAME_BYTES + 1)); // over the client's bound, in 64 KiB frames
        });
        var dlq = TopicProbe.readUntil("market_prices_dlq", rs -> rs.stream().filter(r -> {
            String reason = tree(r.value()).path("reason").asText();
            return reason.contains("binary frame") || reason.contains("longer than");
        }).count() >= 3 && rs.stream().anyMatch(r -> r.value().contains("dropped by the WebSocket client")), Duration.ofSeconds(30))
                .stream().map(r -> tree(r.value())).toList();
        JsonNode bin = dlq.stream().filter(n -> n.path("reason").asText().contains("binary frame of 6 bytes")).findFirst().orElseThrow();
        assertEquals(java.util.Base64.getEncoder().encodeToString(new byte[] {0, 1, 2, (byte) 0xff, 'h', 'i'}), bin.path("raw").asText());
        for (String pad : new String[] {"\"pad\"", "\"fragmented\""}) {
            JsonNode letter = dlq.stream().filter(n -> n.path("raw").asText().startsWith("{\"e\":\"trade\"," + pad)).findFirst().orElseThrow();
            assertTrue(letter.path("reason").asText().contains("longer than"), letter.toString());
            assertTrue(letter.path("raw").asText().length() <= BinanceMessageParser.MAX_MESSAGE_CHARS, "the raw text is cut");
        }
        assertTrue(dlq.stream().anyMatch(n -> n.path("reason").asText().startsWith("message over " + BinanceConnection.MAX_FRAME_BYTES)));
        assertEquals(oversized + 3, metrics.count("ingestor.dead.letters", "kind", "oversized"));
        assertEquals(binary + 1, metrics.count("ingestor.dead.letters", "kind", "binary"));
    }

    /**
     * A frame over the client's own bound still closes the connection (Netty holds a frame whole before anyone sees
     * it): that is counted and dead-lettered too, and the trades sent meanwhile come back through the gap fill.
     */
    @Test
    void aFrameOverTheClientsBoundIsCountedAndItsConnectionsTradesBackfilled() {
        double oversized = metrics.count("ingestor.dead.letters", "kind", "oversized");
        String symbol = LiveIngestionTest.newSymbol();
        var tape = LiveIngestionTest.trades(symbol, 20, 1001);
        try (ReplayServer server = new ReplayServer(vertx)) {
            int port = server.start(0);
            server.load(symbol, tape);
            IngestSession session = ingestor.open(URI.create("ws://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port),
                    List.of(symbol), Duration.ofHours(23), LiveIngestor.Sources.BINANCE);
            try {
                Await.until("connected", Duration.ofSeconds(30), () -> server.openClients() == 1);
                server.emit(symbol, 10);
                Await.until("10 published", Duration.ofSeconds(30), () -> session.lastPublishedId(symbol) == 1010);
                server.broadcastFrame("x".repeat(BinanceConnection.MAX_FRAME_BYTES + 1));
                server.emit(symbol, 5);
                Await.until("reconnected", Duration.ofSeconds(30), () -> server.connectionCount() == 2 && server.openClients() == 1);
                server.emit(symbol, 5);
                assertEquals(tape, LiveIngestionTest.published(symbol, 20).stream().map(r -> r.trade()).toList(), "nothing lost");
                assertEquals(oversized + 1, metrics.count("ingestor.dead.letters", "kind", "oversized"));
                var dlq = TopicProbe.readUntil("market_prices_dlq", rs -> rs.stream().anyMatch(r -> r.value().contains("Max frame length")),
                        Duration.ofSeconds(30));
                assertTrue(dlq.stream().anyMatch(r -> tree(r.value()).path("reason").asText().contains("the connection closes")));
            } finally {
                ingestor.close(session);
            }
        }
    }

    /** What a test sends between the tape's first ten trades and its last ten. */
    private interface Injection {
        void send(String symbol, List<Trade> tape, ReplayServer server);
    }

    /**
     * Streams ids 1001..1010, then what {@code inject} sends, then 1011..1020, on one connection: the tape alone is
     * published, each trade once and exactly, and nothing cost the connection.
     */
    private void streamAround(Injection inject) {
        String symbol = LiveIngestionTest.newSymbol();
        var tape = LiveIngestionTest.trades(symbol, 20, 1001);
        try (ReplayServer server = new ReplayServer(vertx)) {
            int port = server.start(0);
            server.load(symbol, tape);
            IngestSession session = ingestor.open(URI.create("ws://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port),
                    List.of(symbol), Duration.ofHours(23), LiveIngestor.Sources.BINANCE);
            try {
                Await.until("connected", Duration.ofSeconds(30), () -> server.openClients() == 1);
                server.emit(symbol, 10);
                Await.until("10 published", Duration.ofSeconds(30), () -> session.lastPublishedId(symbol) == 1010);
                inject.send(symbol, tape, server);
                server.emit(symbol, 10);
                var prices = LiveIngestionTest.published(symbol, 20);
                assertEquals(tape, prices.stream().map(r -> r.trade()).toList(), "only the tape's trades, each once, exactly");
                assertEquals(1, server.connectionCount(), "no bad message cost the connection");
            } finally {
                ingestor.close(session);
            }
        }
    }

    /** raw message → expected part of the reason. */
    private static Map<String, String> badMessages(String symbol, String stream, List<dev.riskplatform.core.market.Trade> tape) {
        String good = BinancePayloads.tradeEvent(tape.get(4), 1); // id 1005, already published
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("{\"stream\":\"" + stream + "\",\"data\":{\"e\":\"trade\",", "not JSON");
        bad.put(BinancePayloads.combined(stream, "{\"e\":\"depthUpdate\",\"s\":\"" + symbol + "\",\"x\":1}"), "unknown event type");
        bad.put(BinancePayloads.combined(stream, good.replace(",\"T\":", ",\"T0\":")), "\"T\" is missing");
        bad.put(BinancePayloads.combined(stream, good.replace("\"t\":1005", "\"t\":9001").replaceFirst("\"p\":\"[^\"]+\"", "\"p\":\"-5\"")), "price must be > 0");
        bad.put(BinancePayloads.combined(stream, good.replace("\"t\":1005", "\"t\":9002").replaceFirst("\"p\":\"[^\"]+\"", "\"p\":\"12a\"")), "price is not a decimal number");
        bad.put(BinancePayloads.combined("ethusdt@trade", good.replace(symbol, "ETHUSDT")), "symbol ETHUSDT is not subscribed");
        bad.put(BinancePayloads.combined(stream, good), "trade id 1005 is a duplicate");
        bad.put(BinancePayloads.combined(stream, good.replace("\"t\":1005", "\"t\":7")), "trade id 7 is older than");
        bad.put(BinancePayloads.combined(symbol.toLowerCase() + "@aggTrade", "{\"e\":\"aggTrade\",\"E\":1672515782136,\"s\":\"" + symbol
                + "\",\"a\":12345,\"p\":\"0.001\",\"q\":\"100\",\"f\":100,\"l\":105,\"T\":1672515782136,\"m\":true,\"M\":true}"), "\"aggTrade\" is not subscribed");
        return bad;
    }

    private static void assertDeadLettered(Map<String, String> bad) {
        var dlq = TopicProbe.readUntil("market_prices_dlq",
                rs -> bad.keySet().stream().allMatch(raw -> rs.stream().anyMatch(r -> raw(r.value()).equals(raw))),
                Duration.ofSeconds(30));
        List<String> missing = new ArrayList<>();
        for (var e : bad.entrySet()) {
            JsonNode letter = dlq.stream().map(r -> tree(r.value())).filter(n -> e.getKey().equals(n.path("raw").asText())).findFirst().orElse(null);
            if (letter == null || !letter.path("reason").asText().contains(e.getValue())) missing.add(e.getValue() + " <- " + letter);
            else assertTrue(letter.path("at").asLong() > 0 && "binance-ws".equals(letter.path("source").asText()));
        }
        assertEquals(List.of(), missing, "every bad message is dead-lettered with its reason and raw text");
    }

    private static String raw(String value) {
        return tree(value).path("raw").asText();
    }

    private static JsonNode tree(String value) {
        try {
            return JSON.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

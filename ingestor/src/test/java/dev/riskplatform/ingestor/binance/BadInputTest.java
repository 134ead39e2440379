package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.ingestor.Await;
import dev.riskplatform.ingestor.replay.BinancePayloads;
import dev.riskplatform.ingestor.replay.ReplayServer;
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
                assertDeadLettered(symbol, bad);
                var prices = LiveIngestionTest.published(symbol, 20);
                assertEquals(java.util.stream.LongStream.rangeClosed(1001, 1020).boxed().toList(),
                        prices.stream().map(r -> r.trade().tradeId()).toList(), "only the good trades, each once");
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

    private static void assertDeadLettered(String symbol, Map<String, String> bad) {
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

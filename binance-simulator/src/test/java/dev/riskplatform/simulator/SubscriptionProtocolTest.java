package dev.riskplatform.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Trade;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The replay server's live subscriptions and limits, seen by a plain client sending Binance's JSON requests. */
class SubscriptionProtocolTest {

    private final Vertx vertx = Vertx.vertx();
    private final ReplayServer server = new ReplayServer(vertx);
    private final LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Short> closed = new CompletableFuture<>();

    @AfterEach
    void close() {
        server.close();
        vertx.close();
    }

    private WebSocket connect(String path) {
        server.start(0);
        WebSocket ws = vertx.createWebSocketClient().connect(server.port(), "127.0.0.1", path).toCompletionStage().toCompletableFuture().join();
        ws.textMessageHandler(received::add);
        ws.closeHandler(v -> closed.complete(ws.closeStatusCode()));
        return ws;
    }

    private String next() throws InterruptedException {
        String m = received.poll(10, TimeUnit.SECONDS);
        if (m == null) throw new AssertionError("nothing received in 10 s");
        return m;
    }

    @Test
    void subscribeCarriesTheStreamUntilUnsubscribed() throws Exception {
        server.load("XYZUSDT", List.of(Trade.parse("XYZUSDT", 1, "10.5", "2", 1_385_337_600_000L, true),
                Trade.parse("XYZUSDT", 2, "10.6", "1", 1_385_337_601_000L, false)));
        WebSocket ws = connect("/stream");
        assertEquals(0, server.openClients(), "connected, but listening to nothing");
        ws.writeTextMessage("{\"method\":\"SUBSCRIBE\",\"params\":[\"xyzusdt@trade\",\"abcusdt@trade\"],\"id\":1}");
        assertEquals("{\"result\":null,\"id\":1}", next());
        ws.writeTextMessage("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"two\"}");
        assertEquals("{\"result\":[\"abcusdt@trade\",\"xyzusdt@trade\"],\"id\":\"two\"}", next());
        server.emit("XYZUSDT", 1);
        assertTrue(next().startsWith("{\"stream\":\"xyzusdt@trade\",\"data\":{\"e\":\"trade\""), "combined payload");
        ws.writeTextMessage("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"xyzusdt@trade\"],\"id\":3}");
        assertEquals("{\"result\":null,\"id\":3}", next());
        server.emit("XYZUSDT", 1);
        assertNull(received.poll(300, TimeUnit.MILLISECONDS), "no trade of an unsubscribed stream");
    }

    @Test
    void badRequestsGetBinancesErrorAnswers() throws Exception {
        WebSocket ws = connect("/ws");
        ws.writeTextMessage("{\"method\":\"SUBSCRIBE\",\"params\":[\"a@trade\"]");
        assertTrue(next().startsWith("{\"code\":3,\"msg\":\"Invalid JSON"));
        ws.writeTextMessage("{\"method\":\"SUBSCRIBES\",\"params\":[],\"id\":4}");
        assertTrue(next().matches("\\{\"code\":2,\"msg\":\"Invalid request: unknown variant SUBSCRIBES.*\",\"id\":4}"));
        ws.writeTextMessage("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":5}");
        assertEquals("{\"result\":false,\"id\":5}", next(), "/ws is raw");
    }

    @Test
    void aConnectionCarriesAtMost1024Streams() throws Exception {
        WebSocket ws = connect("/stream");
        ws.writeTextMessage(subscribe(0, 1024, 1));
        assertEquals("{\"result\":null,\"id\":1}", next());
        ws.writeTextMessage(subscribe(1024, 1025, 2));
        assertTrue(next().matches("\\{\"code\":2,\"msg\":\"Invalid request: .*1024 streams\",\"id\":2}"));
        assertEquals(1024, server.subscriptions().get(0).size(), "the refused stream is not carried");
    }

    @Test
    void aSixthMessageWithinASecondDropsTheConnection() throws Exception {
        WebSocket ws = connect("/stream");
        for (int i = 1; i <= 6; i++) ws.writeTextMessage(subscribe(i, i + 1, i));
        for (int i = 1; i <= 5; i++) assertEquals("{\"result\":null,\"id\":" + i + "}", next());
        assertEquals((short) 1008, closed.get(10, TimeUnit.SECONDS));
        assertEquals(1, server.rateLimitDrops());
        assertEquals(6, server.peakIncomingPerSecond());
    }

    @Test
    void exchangeInfoListsTheUniverseWithStatus() throws Exception {
        server.start(0);
        server.universe().listAll(List.of("BTCUSDT", "ETHBTC"));
        server.universe().delist("ETHBTC");
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v3/exchangeInfo")).build(), HttpResponse.BodyHandlers.ofString()).body();
        var symbols = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("symbols");
        assertEquals(2, symbols.size());
        assertEquals("BTC", symbols.get(0).get("baseAsset").asText());
        assertEquals("TRADING", symbols.get(0).get("status").asText());
        assertEquals("BREAK", symbols.get(1).get("status").asText());
        assertEquals("BTC", symbols.get(1).get("quoteAsset").asText());
    }

    private static String subscribe(int from, int to, int id) {
        String params = IntStream.range(from, to).mapToObj(i -> "\"s" + i + "usdt@trade\"").collect(Collectors.joining(","));
        return "{\"method\":\"SUBSCRIBE\",\"params\":[" + params + "],\"id\":" + id + "}";
    }
}

package dev.riskplatform.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Trade;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The replay server's raw path, its REST history and its refusals, seen by plain clients (not ours). */
class ReplayServerTest {

    private final Vertx vertx = Vertx.vertx();
    private final ReplayServer server = new ReplayServer(vertx);
    private final List<Trade> tape = List.of(
            Trade.parse("XYZUSDT", 1, "10.50", "2", 1_385_337_600_000L, true),
            Trade.parse("XYZUSDT", 2, "10.60", "0.001", 1_385_337_601_000L, false));

    @AfterEach
    void close() {
        server.close();
        vertx.close();
    }

    private WebSocket connect(WebSocketClient client, String path) {
        return client.connect(server.port(), "127.0.0.1", path).toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void rawStreamCarriesUnwrappedTradeEvents() throws Exception {
        server.start(0);
        server.load("XYZUSDT", tape);
        LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
        WebSocket ws = connect(vertx.createWebSocketClient(), "/ws/xyzusdt@trade");
        ws.textMessageHandler(received::add);
        while (server.openClients() < 1) Thread.sleep(10);
        server.emit("XYZUSDT", 2);
        String first = received.poll(10, TimeUnit.SECONDS);
        assertTrue(first.matches("\\{\"e\":\"trade\",\"E\":\\d+,\"s\":\"XYZUSDT\",\"t\":1,\"p\":\"10.50\",\"q\":\"2\",\"T\":1385337600000,\"m\":true,\"M\":true}"), first);
        server.sendServerShutdown();
        received.poll(10, TimeUnit.SECONDS); // trade 2
        assertTrue(received.poll(10, TimeUnit.SECONDS).matches("\\{\"e\":\"serverShutdown\",\"E\":\\d+}"));
    }

    @Test
    void historicalTradesServesOnlyWhatHasHappened() throws Exception {
        server.start(0);
        server.load("XYZUSDT", tape);
        server.emit("XYZUSDT", 1);
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + "/api/v3/historicalTrades?symbol=XYZUSDT&fromId=1&limit=10")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("[{\"id\":1,\"price\":\"10.50\",\"qty\":\"2\",\"quoteQty\":\"21.00\",\"time\":1385337600000,"
                + "\"isBuyerMaker\":true,\"isBestMatch\":true}]", r.body());
    }

    @Test
    void unknownPathIsRefused() {
        server.start(0);
        var e = assertThrows(CompletionException.class, () -> connect(vertx.createWebSocketClient(), "/nope"));
        assertTrue(e.getCause().getMessage().contains("404"), e.getCause().getMessage());
    }
}

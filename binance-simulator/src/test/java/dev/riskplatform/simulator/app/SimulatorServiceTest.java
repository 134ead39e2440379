package dev.riskplatform.simulator.app;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The simulator as ./platform runs it: control endpoints on the service's HTTP port, Binance's protocol on the exchange
 * port, the tape held back until POST /replay/start (%test: autostart=false) and then streamed to a subscriber.
 */
@QuarkusTest
class SimulatorServiceTest {

    @Inject SimulatorApp app;
    @Inject Vertx vertx;

    @Test
    void theTapeWaitsForStartThenStreamsToASubscriber() throws Exception {
        given().get("/replay/status").then().statusCode(200).body("symbol", is("BTCUSDT")).body("sent", is(0));
        given().post("/replay/start?speed=-1").then().statusCode(400);
        given().post("/replay/start?speed=600").then().statusCode(200).body("started", is(true));
        given().post("/replay/start?speed=600").then().statusCode(200).body("started", is(false));
        LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
        WebSocket ws = vertx.createWebSocketClient().connect(app.exchangePort(), "127.0.0.1", "/ws/btcusdt@trade")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        ws.textMessageHandler(frames::add);
        String first = frames.poll(10, TimeUnit.SECONDS);
        assertTrue(first != null && first.contains("\"e\":\"trade\"") && first.contains("\"t\":1,"), "the tape's first trade: " + first);
        given().get("/replay/status").then().body("openClients", is(1));
        ws.close();
    }

    @Test
    void drillsListAndDelistSymbolsServedByExchangeInfo() throws Exception {
        given().post("/replay/listings?symbol=DRILLUSDT").then().statusCode(200).body("status", is("TRADING"));
        given().post("/replay/listings?symbol=bad%20symbol").then().statusCode(400);
        given().delete("/replay/listings?symbol=DRILLUSDT").then().statusCode(200).body("status", is("BREAK"));
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + app.exchangePort() + "/api/v3/exchangeInfo")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Map<String, String> status = new HashMap<>();
        new ObjectMapper().readTree(body).get("symbols").forEach(n -> status.put(n.get("symbol").asText(), n.get("status").asText()));
        assertEquals("TRADING", status.get("BTCUSDT"), "the tape's symbol");
        assertEquals("BREAK", status.get("DRILLUSDT"));
    }

    @Test
    void loadRunsAreCheckedBeforeTheyStart() {
        given().post("/replay/load?symbols=0&rate=100&seconds=1").then().statusCode(400);
        given().post("/replay/load?symbols=2&rate=100&seconds=601").then().statusCode(400);
        given().post("/replay/chaos/garbage?count=0").then().statusCode(400);
        given().get("/replay/load").then().statusCode(200).body("running", is(false)).body("symbols", is(0));
    }
}

package dev.riskplatform.detector.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.BasicWebSocketConnector;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A browser-style client on /live receives the risk events the stream emits, as JSON. */
@Order(10)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class LiveEndpointTest {

    private static final String SYMBOL = "LIVEUSDT";

    @Inject
    ModelManager models;

    @Inject
    BasicWebSocketConnector connector;

    @TestHTTPResource("/")
    URI base;

    @Test
    void aConnectedClientReceivesRiskEventsAsJson() {
        TestModels.ensureServing(models);
        List<JsonNode> received = new CopyOnWriteArrayList<>();
        var connection = connector.baseUri(base).path("/live")
                .onTextMessage((c, text) -> received.add(Series.parse(text))).connectAndAwait();
        try {
            Series.send(SYMBOL, Series.closes(3), 0, 3);
            Await.until("an event for " + SYMBOL + " arrives on /live", Duration.ofSeconds(30),
                    () -> received.stream().anyMatch(n -> SYMBOL.equals(n.path("symbol").asText())));
            // Which bar arrives first depends on when the server registered the session, so check
            // what arrived is one of the bars sent, whole, not which one.
            JsonNode first = received.stream().filter(n -> SYMBOL.equals(n.path("symbol").asText())).findFirst().orElseThrow();
            long open = first.get("openTime").asLong();
            assertTrue(open == Series.openTime(0) || open == Series.openTime(1) || open == Series.openTime(2),
                    "openTime " + open + " is one of the bars sent");
            assertEquals("1m", first.get("interval").asText());
            assertTrue(first.get("close").isNumber(), "the bar's close travels as a number: " + first);
        } finally {
            connection.closeAndAwait();
        }
    }
}

package dev.riskplatform.ingestor.health;

import static io.restassured.RestAssured.given;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.Await;
import dev.riskplatform.ingestor.binance.IngestSession;
import dev.riskplatform.ingestor.binance.LiveIngestor;
import dev.riskplatform.simulator.ReplayServer;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code ingestor_stream_connected} (alert rule IngestorDisconnected) is on /q/metrics and follows the session:
 * 1 while connected to a server speaking Binance's protocol, 0 once that server is gone. Tests run in mode
 * {@code off}, the tag says so.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class StreamConnectedMetricTest {

    private static final String SERIES = "ingestor_stream_connected{mode=\"off\"}";
    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject Vertx vertx;
    @Inject LiveIngestor ingestor;

    @Test
    void followsTheSessionsConnection() {
        Await.until(SERIES + " on /q/metrics", WAIT, () -> value() >= 0);
        String symbol = "CONNGAUGEUSDT";
        ReplayServer server = new ReplayServer(vertx);
        IngestSession session = null;
        try {
            int port = server.start(0);
            server.load(symbol, List.of(new Trade(symbol, 1, new BigDecimal("1.0"), new BigDecimal("1.0"), 1_000L, false)));
            session = ingestor.open(URI.create("ws://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port),
                    List.of(symbol), Duration.ofHours(23), LiveIngestor.Sources.BINANCE);
            Await.until("connected: 1", WAIT, () -> value() == 1);
            server.close();
            Await.until("server gone: 0", WAIT, () -> value() == 0);
        } finally {
            if (session != null) ingestor.close(session);
        }
    }

    /** The gauge's value, -1 when the series is absent. */
    private static double value() {
        for (String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            if (line.startsWith(SERIES + " ")) return Double.parseDouble(line.substring(SERIES.length() + 1));
        }
        return -1;
    }
}

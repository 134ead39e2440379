package dev.riskplatform.detector.live;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** GET /market lists a symbol the stream scored, with its latest close, score, threshold and risk. */
@Order(11)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MarketResourceTest {

    private static final String SYMBOL = "MARKETUSDT";
    private static final int BARS = TestModels.SPEC.warmUpBars() + 4;

    @Inject
    ModelManager models;

    @Test
    void listsTheLatestScoredBarOfASymbol() {
        TestModels.ensureServing(models);
        BigDecimal[] closes = Series.closes(BARS);
        // The last bar is closed by the idle timer (detector.idle-after), as no later trade comes.
        Series.send(SYMBOL, closes, 0, BARS);
        long lastClosed = Series.openTime(BARS - 1);
        Await.until(SYMBOL + "'s bar " + (BARS - 1) + " is on /market", Duration.ofSeconds(60),
                () -> row().path("openTime").asLong() == lastClosed);
        JsonNode row = row();
        assertEquals(closes[BARS - 1].doubleValue(), row.get("close").asDouble());
        assertTrue(row.get("score").isNumber() && row.get("threshold").asDouble() > 0, "scored after the warm-up: " + row);
        assertEquals(row.get("score").asDouble() / row.get("threshold").asDouble(), row.get("risk").asDouble(), 1e-12);
    }

    private static JsonNode row() {
        JsonNode market = Series.parse(given().get("/market").then().statusCode(200).extract().asString());
        return StreamSupport.stream(market.get("symbols").spliterator(), false)
                .filter(n -> SYMBOL.equals(n.path("symbol").asText())).findFirst().orElse(Series.parse("{}"));
    }
}

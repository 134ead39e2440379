package dev.riskplatform.detector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.core.artifact.SymbolModels;
import dev.riskplatform.detector.model.ActiveModel;
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
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A model per symbol: a symbol with a promoted model under SymbolModels' name ({@code btc-iforest-<symbol>}) is
 * scored by it, every other symbol by the default model, and each event and alert names its model. The own model
 * here is calibrated far from the default (its threshold is its training median, the default's the training
 * maximum), so the same trades alert under one and never under the other.
 */
@Order(10)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PerSymbolModelsTest {

    private static final String OWN = "OWNUSDT", OTHER = "OTHERUSDT", SHARED = "SHAREDUSDT";
    private static final String OWN_MODEL = SymbolModels.nameFor(TestModels.MODEL, OWN);
    private static final String OTHER_MODEL = SymbolModels.nameFor(TestModels.MODEL, OTHER);
    private static final int BARS = 120;

    @Inject
    ModelManager models;

    @Test
    void eachSymbolIsScoredByItsOwnModelAndASymbolWithoutOneByTheDefault() {
        TestModels.ensureServing(models);
        long own = serveOwnModel(OWN, OWN_MODEL, 7);
        ActiveModel fallback = models.current();
        BigDecimal[] closes = Series.closes(BARS);
        Series.send(OWN, closes, 0, BARS);
        Series.send(SHARED, closes, 0, BARS);

        List<JsonNode> ownEvents = Series.read("risk_events", OWN, BARS);
        List<JsonNode> sharedEvents = Series.read("risk_events", SHARED, BARS);
        assertEquals(BARS, ownEvents.size());
        assertEquals(BARS, sharedEvents.size());
        assertTrue(ownEvents.stream().allMatch(e -> e.get("model").asText().equals(OWN_MODEL) && e.get("modelVersion").asLong() == own),
                "every OWNUSDT bar is scored by its own model");
        assertTrue(sharedEvents.stream().allMatch(e -> e.get("model").asText().equals(TestModels.MODEL)
                && e.get("modelVersion").asLong() == fallback.version()), "every SHAREDUSDT bar is scored by the default");
        assertNotEquals(ownEvents.get(BARS - 1).get("threshold").asDouble(), sharedEvents.get(BARS - 1).get("threshold").asDouble());
        assertTrue(ownEvents.stream().anyMatch(e -> e.get("anomaly").asBoolean()), "the own model's operating point is reached");
        assertFalse(sharedEvents.stream().anyMatch(e -> e.get("anomaly").asBoolean()), "the default's never is on its training series");
        List<JsonNode> alerts = Series.read("risk_alerts", OWN, 1);
        assertFalse(alerts.isEmpty());
        assertTrue(alerts.stream().allMatch(a -> a.get("model").asText().equals(OWN_MODEL) && a.get("modelVersion").asLong() == own), alerts.toString());
        assertTrue(Series.readAll("risk_alerts", SHARED).isEmpty());

        given().get("/models").then().statusCode(200).body("default.name", equalTo(TestModels.MODEL))
                .body("symbols.OWNUSDT.name", equalTo(OWN_MODEL)).body("symbols.OWNUSDT.version", equalTo((int) own));
        given().queryParam("symbol", OWN).get("/model").then().statusCode(200).body("name", equalTo(OWN_MODEL));
        given().queryParam("symbol", SHARED).get("/model").then().statusCode(200).body("name", equalTo(TestModels.MODEL));
    }

    @Test
    void aNewVersionOfOneSymbolsModelReloadsThatModelOnly() {
        TestModels.ensureServing(models);
        serveOwnModel(OWN, OWN_MODEL, 7);
        serveOwnModel(OTHER, OTHER_MODEL, 9);
        ActiveModel fallback = models.current(), other = models.forSymbol(OTHER);

        byte[] next = TestModels.artifact(11, true);
        long v = TestModels.register(OWN_MODEL, next, TestModels.contentSha(next));
        Await.until(OWN_MODEL + " v" + v + " serves", Duration.ofSeconds(30), () -> models.forSymbol(OWN).version() == v);
        assertSame(fallback, models.current(), "the default model was not reloaded");
        assertSame(other, models.forSymbol(OTHER), "the other symbol's model was not reloaded");
        assertSame(fallback, models.forSymbol(SHARED), "a symbol without a model still shares the default");
    }

    /** Registers (once) a model of {@code symbol}'s own and waits until it serves; returns its version. */
    private long serveOwnModel(String symbol, String model, long seed) {
        ActiveModel now = models.forSymbol(symbol);
        if (now != null && now.scoring().name().equals(model)) return now.version();
        byte[] a = TestModels.artifact(seed, true);
        long v = TestModels.register(model, a, TestModels.contentSha(a));
        Await.until(model + " serves " + symbol, Duration.ofSeconds(30), () -> models.forSymbol(symbol).scoring().name().equals(model));
        return v;
    }
}

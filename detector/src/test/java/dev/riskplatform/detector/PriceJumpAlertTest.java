package dev.riskplatform.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A 5% jump in a replayed series is one explained alert; the bars around it are one event each. */
@Order(10)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PriceJumpAlertTest {

    private static final String SYMBOL = "JUMPUSDT";
    private static final int BARS = 200, JUMP_AT = 150;

    @Inject
    ModelManager models;

    @Test
    void aPriceJumpYieldsExactlyOneAlertExplainedByTheReturn() {
        long version = TestModels.ensureServing(models);
        BigDecimal[] closes = Series.jump(Series.closes(BARS), JUMP_AT, "1.05");
        Series.send(SYMBOL, closes, 0, BARS);

        List<JsonNode> events = Series.read("risk_events", SYMBOL, BARS);
        assertEquals(BARS, events.size(), "one event per closed bar, the last closed by the idle timer");
        List<JsonNode> alerts = Series.readAll("risk_alerts", SYMBOL);
        assertEquals(1, alerts.size(), "the jump and its echo in the windows are one episode: " + alerts);
        JsonNode alert = alerts.get(0);
        long jumpOpen = Series.openTime(JUMP_AT);
        assertEquals(SYMBOL + "-" + jumpOpen + "-v" + version, alert.get("alertId").asText());
        assertEquals(jumpOpen, alert.get("openTime").asLong());
        String top = alert.get("explanation").get(0).get("feature").asText();
        assertTrue(Set.of("return_sigma", "momentum_sigma").contains(top), "top feature " + top + " in " + alert);
        assertTrue(alert.get("score").asDouble() > alert.get("threshold").asDouble());
        JsonNode jumpEvent = events.stream().filter(e -> e.get("openTime").asLong() == jumpOpen).findFirst().orElseThrow();
        assertTrue(jumpEvent.get("anomaly").asBoolean());
        assertEquals(alert.get("alertId").asText(), jumpEvent.get("alertId").asText());
        // A 5 % move where bars move 0.1 %: tens of sigmas, on the served tail-blend score.
        assertTrue(jumpEvent.get("features").get("return_sigma").asDouble() > 20, jumpEvent.toString());
        assertEquals("tail-blend", jumpEvent.get("scorer").asText());
        JsonNode risk = events.get(BARS - 1).get("intradayRisk");
        assertEquals(BARS, risk.get("bars").asInt(), "every bar of the series is within the 24 h window: " + risk);
        // The 5 % jump is the worst one-bar return of the window: a 99 % VaR of 200 returns is the 2nd worst.
        assertTrue(risk.get("es99").asDouble() >= risk.get("var99").asDouble() && risk.get("var99").asDouble() > 0, risk.toString());
        long anomalous = events.stream().filter(e -> e.get("anomaly").asBoolean()).count();
        assertEquals(anomalous, events.stream().filter(e -> alert.get("alertId").asText().equals(e.path("alertId").asText())).count(),
                "every anomalous bar points at the episode's one alert");
    }
}

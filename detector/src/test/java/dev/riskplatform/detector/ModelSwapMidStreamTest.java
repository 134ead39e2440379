package dev.riskplatform.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A model registered mid-stream is picked up from the model_registry event (the %test poll is 1 h)
 * and swapped between two records: every bar has exactly one event, no trade is lost, the
 * feature windows do not restart, and the version switches once.
 */
@Order(10)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ModelSwapMidStreamTest {

    private static final String SYMBOL = "SWAPUSDT";
    private static final int BARS = 120, SWAP_AT = 60;

    @Inject
    ModelManager models;

    @Test
    void aModelRegisteredMidStreamTakesOverWithoutLosingOrRescoringATrade() {
        long before = TestModels.ensureServing(models);
        BigDecimal[] closes = Series.closes(BARS);
        Series.send(SYMBOL, closes, 0, SWAP_AT);
        Series.read("risk_events", SYMBOL, SWAP_AT - 1);

        byte[] next = TestModels.artifact(2);
        long after = TestModels.register(next, TestModels.contentSha(next));
        Await.until("v" + after + " serves", Duration.ofSeconds(30), () -> models.active().orElseThrow().version() == after);
        Series.send(SYMBOL, closes, SWAP_AT, BARS);

        List<JsonNode> events = Series.read("risk_events", SYMBOL, BARS);
        Map<Long, Long> perBar = events.stream().collect(Collectors.groupingBy(e -> e.get("openTime").asLong(), Collectors.counting()));
        assertEquals(BARS, perBar.size(), "every bar has an event");
        assertTrue(perBar.values().stream().allMatch(n -> n == 1), "no bar has two events: " + perBar);
        assertEquals(2 * BARS, events.stream().mapToLong(e -> e.get("tradeCount").asLong()).sum(), "no trade lost");
        List<Long> versions = events.stream().sorted((a, b) -> Long.compare(a.get("openTime").asLong(), b.get("openTime").asLong()))
                .map(e -> e.get("modelVersion").asLong()).collect(Collectors.toList());
        assertEquals(before, versions.get(0));
        assertEquals(after, versions.get(BARS - 1));
        int switchAt = versions.indexOf(after);
        assertTrue(versions.subList(switchAt, BARS).stream().allMatch(v -> v == after), "the version switches once: " + versions);
        Map<Long, JsonNode> byOpen = events.stream().collect(Collectors.toMap(e -> e.get("openTime").asLong(), Function.identity()));
        for (int i = TestModels.SPEC.warmUpBars(); i < BARS; i++) {
            assertFalse(byOpen.get(Series.openTime(i)).get("score").isNull(), "bar " + i + " is scored: the swap kept the windows warm");
        }
    }
}

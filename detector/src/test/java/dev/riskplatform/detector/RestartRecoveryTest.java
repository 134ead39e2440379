package dev.riskplatform.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.stream.RecoveryListener;
import dev.riskplatform.detector.stream.MarketPricesConsumer;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Restart without a blind spot. A Quarkus restart in a test cannot keep the broker (a new test
 * profile gets a new class loader, hence new test infrastructure), so the restart is what a new
 * process sees: the group rebalances, every partition is revoked (its symbols' state dropped) and
 * assigned again with the committed offsets, and the recovery rebuilds the windows from the bars in
 * risk_events and only the trades after them from market_prices. A jump at bar 70 opens an episode whose
 * cool-down outlasts the restart at bar 80.
 */
@Order(100)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RestartRecoveryTest {

    private static final String SYMBOL = "RESTARTUSDT";
    private static final int BARS = 120, RESTART_AT = 80, JUMP_AT = 70;

    @Inject
    ModelManager models;

    @Inject
    KafkaClientService kafka;

    @Inject
    @Identifier(RecoveryListener.NAME)
    RecoveryListener recovery;

    @Test
    void afterLosingItsStateTheDetectorResumesWarmWithoutDuplicateEventsOrAlerts() {
        TestModels.ensureServing(models);
        BigDecimal[] closes = Series.jump(Series.closes(BARS), JUMP_AT, "1.05");
        Series.send(SYMBOL, closes, 0, RESTART_AT);
        Series.read("risk_events", SYMBOL, RESTART_AT);
        assertEquals(1, Series.read("risk_alerts", SYMBOL, 1).size());

        double before = recovery.recoveries();
        kafka.<String, String>getConsumer(MarketPricesConsumer.CHANNEL)
                .runOnPollingThread((java.util.function.Consumer<org.apache.kafka.clients.consumer.Consumer<String, String>>) c -> c.enforceRebalance())
                .await().indefinitely();
        Await.until("the state is recovered", Duration.ofSeconds(60), () -> recovery.recoveries() > before);
        RecoveryListener.Recovered rebuilt = recovery.lastRecovery();
        assertTrue(rebuilt.bars() >= RESTART_AT - 1, "the symbol's emitted bars are restored: " + rebuilt);
        Series.send(SYMBOL, closes, RESTART_AT, BARS);

        List<JsonNode> events = Series.read("risk_events", SYMBOL, BARS);
        Map<Long, Long> perBar = events.stream().collect(Collectors.groupingBy(e -> e.get("openTime").asLong(), Collectors.counting()));
        assertEquals(BARS, perBar.size(), "every bar has an event across the restart");
        assertTrue(perBar.values().stream().allMatch(n -> n == 1), "no bar emitted twice: " + perBar);
        for (JsonNode e : events) {
            if (e.get("openTime").asLong() >= Series.openTime(RESTART_AT)) {
                assertFalse(e.get("score").isNull(), "bar " + e.get("openTime") + " after the restart is scored: no warm-up gap");
            }
        }
        List<JsonNode> alerts = Series.readAll("risk_alerts", SYMBOL);
        assertEquals(1, alerts.size(), "the episode open at the restart is not alerted again: " + alerts);
    }
}

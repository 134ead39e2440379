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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Six symbols jump in the same bar: their alerts say it is one market episode (from the fifth
 * symbol on, detector.market.min-symbols = 5), instead of six unrelated alerts.
 */
@Order(20)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MarketEpisodeTest {

    private static final int BARS = 190, JUMP_AT = 173, SYMBOLS = 6; // no other test's jump within 3 bars of 173

    @Inject
    ModelManager models;

    @Test
    void manySymbolsMovingInOneBarAreOneMarketEpisode() {
        TestModels.ensureServing(models);
        BigDecimal[] closes = Series.jump(Series.closes(BARS), JUMP_AT, "1.05");
        for (int s = 0; s < SYMBOLS; s++) Series.send("MKT" + s + "USDT", closes, 0, BARS);

        long jumpOpen = Series.openTime(JUMP_AT);
        List<JsonNode> jumps = new ArrayList<>();
        for (int s = 0; s < SYMBOLS; s++) {
            Series.read("risk_events", "MKT" + s + "USDT", BARS);
            Series.readAll("risk_alerts", "MKT" + s + "USDT").stream()
                    .filter(a -> a.get("openTime").asLong() == jumpOpen).forEach(jumps::add);
        }
        assertEquals(SYMBOLS, jumps.size(), "each symbol alerts its own jump: " + jumps);
        List<JsonNode> tagged = jumps.stream().filter(a -> a.has("market")).toList();
        Set<String> episodes = tagged.stream().map(a -> a.get("market").get("episodeId").asText()).collect(Collectors.toSet());
        assertEquals(1, episodes.size(), "one market episode: " + tagged);
        assertTrue(tagged.size() >= 2, "the fifth symbol's alert opens it and the sixth joins: " + jumps);
        int breadth = tagged.stream().mapToInt(a -> a.get("market").get("symbols").asInt()).max().orElse(0);
        assertTrue(breadth >= SYMBOLS, "the episode counts every symbol that moved: " + tagged);
        assertTrue(episodes.iterator().next().startsWith("MARKET-1m-"), episodes.toString());
    }
}

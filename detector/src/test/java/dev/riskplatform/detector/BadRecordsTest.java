package dev.riskplatform.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Refused records go to detector_dlq with the reason and the raw text, and the stream goes on. */
@Order(10)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class BadRecordsTest {

    private static final String SYMBOL = "DLQUSDT";
    private static final int BARS = 40;

    @Inject
    ModelManager models;

    @Test
    void badRecordsAreDeadLetteredWithReasonsAndTheStreamKeepsGoing() {
        TestModels.ensureServing(models);
        BigDecimal[] closes = Series.closes(BARS);
        long t = Series.openTime(BARS / 2) + 30_000;
        Map<String, String> badToReason = new LinkedHashMap<>();
        badToReason.put("{\"symbol\":\"DLQUSDT\",\"tradeId\":", "not JSON");
        badToReason.put(Series.trade(SYMBOL, 9_000, BigDecimal.TEN, t).replace("\"10\"", "\"0\""), "price must be > 0");
        badToReason.put(Series.trade(SYMBOL, 9_001, BigDecimal.TEN, t).replace("\"tradeId\":9001,", ""), "tradeId is missing");
        badToReason.put(Series.trade(SYMBOL, 9_004, BigDecimal.TEN, t).replace("\"buyerIsMaker\":true,", ""), "buyerIsMaker is missing");
        badToReason.put(Series.trade(SYMBOL, 9_005, BigDecimal.TEN, t) + "{}", "has content after the JSON object");
        badToReason.put(Series.trade(SYMBOL, 9_002, BigDecimal.TEN, t).replace("\"10\"", "\"NaN\""), "price is not a plain decimal");
        badToReason.put(Series.trade("OTHERUSDT", 9_003, BigDecimal.TEN, t), "is not the trade's symbol");

        Series.send(SYMBOL, closes, 0, BARS / 2);
        badToReason.keySet().forEach(raw -> TopicProbe.send("market_prices", SYMBOL, raw));
        Series.send(SYMBOL, closes, BARS / 2, BARS);

        List<JsonNode> dead = Series.read("detector_dlq", SYMBOL, badToReason.size());
        Map<String, String> reasonByRaw = dead.stream().collect(Collectors.toMap(d -> d.get("raw").asText(), d -> d.get("reason").asText()));
        badToReason.forEach((raw, reason) -> assertTrue(reasonByRaw.getOrDefault(raw, "(none)").contains(reason),
                "expected reason containing '" + reason + "' for " + raw + ", got " + reasonByRaw.get(raw)));
        List<JsonNode> events = Series.read("risk_events", SYMBOL, BARS);
        assertEquals(BARS, events.size(), "every bar, before and after the bad records, has its event");
        assertEquals(2 * BARS, events.stream().mapToLong(e -> e.get("tradeCount").asLong()).sum(), "no good trade was lost");
    }
}

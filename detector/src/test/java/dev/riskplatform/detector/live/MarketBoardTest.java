package dev.riskplatform.detector.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.RiskEvent;
import dev.riskplatform.core.risk.RollingIntradayRisk;
import dev.riskplatform.core.risk.Severity;
import dev.riskplatform.io.topic.RiskAlertMessage;
import dev.riskplatform.io.topic.RiskEventMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

class MarketBoardTest {

    private static final BarInterval MINUTE = BarInterval.parse("1m");

    /** A risk event as the detector writes it: a bar opening at {@code open} (epoch ms) that closed at {@code close}. */
    private static RiskEvent event(String symbol, long open, double close, String score) {
        Bar bar = new Bar(symbol, MINUTE, open, open + MINUTE.millis() - 1, close, close, close, close, 1, close, close, 1, 1, 1, false);
        Double s = score.equals("null") ? null : Double.valueOf(score);
        return new RiskEvent(bar, null, List.of(), s, 2.0, false, "m", 1, "tail-blend", null, open, open, false,
                new RollingIntradayRisk.Snapshot(1, null, null, null), null);
    }

    /** Adds an alert with its JSON, as the detector hands both to the board. */
    private static void alert(MarketBoard b, String symbol, long open, String severity) {
        Alert a = new Alert(Alert.idOf(symbol, open, 1), symbol, MINUTE, open, Severity.valueOf(severity), 3.0,
                2.0, "m", 1, List.of(), 1, open);
        b.add(a, RiskAlertMessage.toJson(a));
    }

    @Test
    void aBoardRefilledFromRestoredBarsShowsWhatTheLiveOneShowed() {
        MarketBoard live = new MarketBoard(10), restarted = new MarketBoard(10);
        for (int i = 0; i < MarketBoard.BARS_KEPT + 5; i++) {
            RiskEvent e = event(i % 2 == 0 ? "AAA" : "BBB", 60_000L * (i / 2 + 1), 10 + i, i < 4 ? "null" : Double.toString(i / 10.0));
            live.add(e);
            restarted.restored(RiskEventMessage.emittedBar(RiskEventMessage.toJson(e))); // as the recovery reads risk_events
        }
        assertEquals(live.snapshot(), restarted.snapshot());
        assertEquals(live.bars("AAA"), restarted.bars("AAA"));
        assertEquals(live.bars("BBB"), restarted.bars("BBB"));
        assertEquals(MarketBoard.BARS_KEPT / 2 + 3, restarted.bars("AAA").size());
    }

    @Test
    void keepsOneLatestSummaryPerSymbol() {
        MarketBoard b = new MarketBoard(10);
        b.add(event("AAA", 120_000, 10.5, "1.0"));
        b.add(event("AAA", 60_000, 9.0, "3.0")); // older bar arriving late: ignored
        b.add(event("BBB", 60_000, 2.0, "null"));  // warm-up: no score yet
        assertEquals(2, b.size());
        SymbolSummary a = b.get("AAA");
        assertEquals(120_000, a.openTime());
        assertEquals(10.5, a.close());
        assertEquals(0.5, a.risk(), 1e-12);
        assertTrue(Double.isNaN(b.get("BBB").risk()), "an unscored symbol has no risk");
    }

    @Test
    void countsAlertsAndKeepsTheNewestAndTheLastFew() throws Exception {
        MarketBoard b = new MarketBoard(2);
        b.add(event("AAA", 60_000, 10, "1.0"));
        alert(b, "AAA", 60_000, "HIGH");
        alert(b, "BBB", 120_000, "LOW");
        alert(b, "AAA", 180_000, "CRITICAL");
        SymbolSummary a = b.get("AAA");
        assertEquals(2, a.alerts());
        assertEquals(180_000, a.lastAlertTime());
        assertEquals(Severity.CRITICAL, a.lastSeverity());
        assertEquals(60_000, a.openTime(), "an alert leaves the bar fields as they were");
        JsonNode recent = new ObjectMapper().readTree(b.snapshot().toString()).get("alerts"); // the alerts are kept as written
        assertEquals(2, recent.size(), "only the last maxAlerts alerts are kept");
        assertEquals("BBB", recent.get(0).get("symbol").asText());
        assertEquals("AAA", recent.get(1).get("symbol").asText());
    }

    @Test
    void theSnapshotLeavesUnknownNumbersOut() {
        MarketBoard b = new MarketBoard(2);
        b.add(event("BBB", 60_000, 2.0, "null"));
        JsonNode row = b.snapshot().get("symbols").get(0);
        assertEquals("BBB", row.get("symbol").asText());
        assertEquals(2.0, row.get("close").asDouble());
        assertFalse(row.has("score"));
        assertFalse(row.has("risk"));
        assertNull(row.get("lastSeverity"));
        assertEquals(0, row.get("alerts").asInt());
    }

    @Test
    void keepsTheLastBarsOfEachSymbolOldestFirst() {
        MarketBoard b = new MarketBoard(2);
        for (int i = 0; i < MarketBoard.BARS_KEPT + 5; i++) b.add(event("AAA", 60_000L * i, 10 + i, i < 3 ? "null" : "1.0"));
        b.add(event("AAA", 0, 1, "1.0")); // an old bar replayed: not kept again
        JsonNode bars = b.bars("AAA");
        assertEquals(MarketBoard.BARS_KEPT, bars.size());
        assertEquals(60_000L * 5, bars.get(0).get("openTime").asLong());
        JsonNode last = bars.get(bars.size() - 1);
        assertEquals(60_000L * (MarketBoard.BARS_KEPT + 4), last.get("openTime").asLong());
        assertEquals(10.0 + MarketBoard.BARS_KEPT + 4, last.get("close").asDouble());
        assertEquals(1.0, last.get("score").asDouble());
        assertEquals("AAA", last.get("symbol").asText());
        assertEquals(0, b.bars("ZZZ").size(), "a symbol not seen has no bars");
    }
}

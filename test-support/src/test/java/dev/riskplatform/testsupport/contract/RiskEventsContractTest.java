package dev.riskplatform.testsupport.contract;

import static dev.riskplatform.testsupport.contract.Contract.assertConforms;
import static dev.riskplatform.testsupport.contract.Contract.reason;
import static dev.riskplatform.testsupport.contract.Contract.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.features.FeatureVector;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.EmittedBar;
import dev.riskplatform.core.risk.RiskEvent;
import dev.riskplatform.core.risk.RollingIntradayRisk;
import dev.riskplatform.io.topic.RiskEventMessage;
import dev.riskplatform.testsupport.TopicSchemas;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link RiskEventMessage}, the one codec of risk_events, against docs/topics.md and its schema. */
class RiskEventsContractTest {

    private static final String TOPIC = "risk_events";
    private static final BarInterval MINUTE = BarInterval.parse("1m");
    private static final Bar BAR = new Bar("BTCUSDT", MINUTE, 1700000040000L, 1700000099999L, 42000.0, 42010.5, 41990.0,
            42005.2, 12.5, 525_000.0, 42001.0, 311, 1, 311, false);
    private static final List<String> NAMES = FeatureSpec.V2_FEATURE_NAMES;

    static RiskEvent scored(String alertId, boolean idle) {
        return new RiskEvent(BAR, new FeatureVector(BAR.openTime(), BAR.close(), new double[] {0.31, 1.2, -0.12, 0.4, 0.2, 0.5}),
                NAMES, 0.41, 2.2, alertId != null, "btc-iforest", 3, "tail-blend", alertId, 1700000100021L, 1700000100025L, idle,
                new RollingIntradayRisk.Snapshot(1437, 0.41, 0.0021, 0.0029), idle ? null : 1700000100003L);
    }

    static RiskEvent warmingUp() {
        return new RiskEvent(Bar.gap("BTCUSDT", MINUTE, 1700000040000L, 42000.0), null, NAMES, null, 2.2, false, "btc-iforest", 3,
                "tail-blend", null, 1700000100021L, 1700000100025L, true, new RollingIntradayRisk.Snapshot(1, null, null, null), null);
    }

    @Test
    void whatTheDetectorWritesConformsToTheSchemaAndReadsBack() {
        for (RiskEvent e : List.of(scored(null, false), scored("BTCUSDT-1700000040000-v3", true), warmingUp())) {
            String json = RiskEventMessage.toJson(e);
            assertConforms(TOPIC, json);
            RiskEventMessage.Received r = RiskEventMessage.parse(json);
            Bar b = e.bar();
            assertEquals(List.of(b.symbol(), b.interval().code(), b.openTime(), b.closeTime(), b.open(), b.high(), b.low(), b.close(),
                    b.volume(), b.tradeCount(), b.gap()), List.of(r.symbol(), r.interval(), r.openTime(), r.closeTime(), r.open(),
                    r.high(), r.low(), r.close(), r.volume(), r.tradeCount(), r.gap()), json);
            assertEquals(features(e), r.features());
            assertEquals(e.score(), r.score());
            assertEquals(List.of(e.threshold(), e.anomaly(), e.model(), e.modelVersion(), e.scorer(), e.lastTradePublishTime(),
                    e.emittedAt(), e.closedByIdle(), e.intraday()), List.of(r.threshold(), r.anomaly(), r.model(), r.modelVersion(),
                    r.scorer(), r.lastTradePublishTime(), r.emittedAt(), r.closedByIdle(), r.intradayRisk()), json);
            assertEquals(e.alertId(), r.alertId());
        }
    }

    @Test
    void readsTheDocumentedExample() {
        RiskEventMessage.Received r = RiskEventMessage.parse(Contract.example(TOPIC));
        assertEquals("BTCUSDT", r.symbol());
        assertEquals(1700000040000L, r.openTime());
        assertEquals(42005.2, r.close());
        assertEquals(List.of("return_sigma", "range_sigma", "volatility_ratio", "volume_surprise", "trades_surprise",
                "momentum_sigma"), List.copyOf(r.features().keySet()));
        assertEquals(0.41, r.score());
        assertNull(r.alertId());
        assertFalse(r.closedByIdle());
        assertEquals(new RollingIntradayRisk.Snapshot(1437, 0.41, 0.0021, 0.0029), r.intradayRisk());
    }

    @Test
    void refusesWithTheDocumentedReasons() {
        String ok = RiskEventMessage.toJson(scored(null, false));
        Contract.refusesWhatIsNotOneJsonObject(TOPIC, RiskEventMessage::parse, ok);
        for (String field : new String[] {"symbol", "openTime", "close", "score", "threshold", "alertId", "closedBy", "intradayRisk"}) {
            assertEquals(field + " is missing", reason(RiskEventMessage::parse, without(ok, field)));
            assertFalse(TopicSchemas.violations(TOPIC, without(ok, field)).isEmpty(), "the schema requires " + field);
        }
        assertEquals("openTime must be an integer", reason(RiskEventMessage::parse, ok.replace("1700000040000", "\"1700000040000\"")));
        assertEquals("intradayRisk.bars must be an integer", reason(RiskEventMessage::parse, ok.replace("\"bars\":1437", "\"bars\":true")));
        assertEquals("features.range_sigma must be a number", reason(RiskEventMessage::parse, ok.replace("\"range_sigma\":1.2", "\"range_sigma\":\"1.2\"")));
        assertEquals("closedBy must be trade or idle, got 'timer'", reason(RiskEventMessage::parse, ok.replace("\"trade\"", "\"timer\"")));
    }

    @Test
    void theBarReferenceReadsWhatTheFullReadDoes() {
        List<String> values = List.of(Contract.example(TOPIC), RiskEventMessage.toJson(scored(null, false)),
                RiskEventMessage.toJson(warmingUp()), "{\"features\":{\"symbol\":\"X\"},\"openTime\":7,\"symbol\":\"ETHUSDT\"}");
        for (String json : values) {
            RiskEventMessage.BarRef ref = RiskEventMessage.barRef(json);
            assertEquals(ref, RiskEventMessage.barRef(json.getBytes(StandardCharsets.UTF_8)), "the same from the UTF-8 bytes");
            if (!json.startsWith("{\"features")) {
                RiskEventMessage.Received r = RiskEventMessage.parse(json);
                assertEquals(new RiskEventMessage.BarRef(r.symbol(), r.openTime()), ref, json);
            } else {
                assertEquals(new RiskEventMessage.BarRef("ETHUSDT", 7), ref, "a nested member of the same name is not the event's");
            }
        }
    }

    @Test
    void theBarReferenceRefusesWithTheFullReadsReasons() {
        String ok = RiskEventMessage.toJson(scored(null, false));
        assertEquals(TOPIC + " value is missing", reason(RiskEventMessage::barRef, null));
        assertEquals(TOPIC + " value is not a JSON object", reason(RiskEventMessage::barRef, "[" + ok + "]"));
        if (!reason(RiskEventMessage::barRef, "{\"symbol\":").startsWith(TOPIC + " value is not JSON: ")) throw new AssertionError();
        for (String field : new String[] {"symbol", "openTime"}) {
            assertEquals(field + " is missing", reason(RiskEventMessage::barRef, without(ok, field)));
        }
        assertEquals("openTime must be an integer", reason(RiskEventMessage::barRef, ok.replace("1700000040000", "\"1700000040000\"")));
        assertEquals("symbol must be a string", reason(RiskEventMessage::barRef, ok.replace("\"BTCUSDT\"", "7")));
        for (String bad : new String[] {null, "[" + ok + "]", "{\"symbol\":", without(ok, "symbol"), without(ok, "openTime"),
                ok.replace("\"BTCUSDT\"", "7")}) {
            byte[] bytes = bad == null ? null : bad.getBytes(StandardCharsets.UTF_8);
            assertEquals(reason(RiskEventMessage::barRef, bad),
                    assertThrows(IllegalArgumentException.class, () -> RiskEventMessage.barRef(bytes)).getMessage(), "read from bytes: " + bad);
        }
    }

    @Test
    void theEmittedBarIsTheBarAndVerdictAsWritten() {
        for (RiskEvent e : List.of(scored(null, false), scored("BTCUSDT-1700000040000-v3", true), warmingUp())) {
            String json = RiskEventMessage.toJson(e);
            EmittedBar got = RiskEventMessage.emittedBar(json);
            Bar b = e.bar();
            assertEquals(new Bar(b.symbol(), b.interval(), b.openTime(), b.closeTime(), b.open(), b.high(), b.low(), b.close(),
                    b.volume(), Double.NaN, Double.NaN, b.tradeCount(), b.firstTradeId(), b.lastTradeId(), b.gap()), got.bar(),
                    "all but quote volume and VWAP, which risk_events does not carry: " + json);
            assertEquals(List.of(e.anomaly(), e.lastTradePublishTime()), List.of(got.anomaly(), got.lastTradePublishTime()));
            assertEquals(e.pendingSince(), got.pendingSince());
            assertEquals(e.score(), got.score());
            assertEquals(e.threshold(), got.threshold());
            assertEquals(e.alertId(), got.alertId());
        }
        Bar documented = RiskEventMessage.emittedBar(Contract.example(TOPIC)).bar();
        assertEquals(List.of(3300100L, 3300410L), List.of(documented.firstTradeId(), documented.lastTradeId()));
        String older = without(without(RiskEventMessage.toJson(scored(null, false)), "firstTradeId"), "lastTradeId");
        assertEquals(Bar.NO_TRADE_ID, RiskEventMessage.emittedBar(older).bar().lastTradeId(), "an event written before the ids");
        assertNull(RiskEventMessage.emittedBar(without(RiskEventMessage.toJson(scored(null, false)), "pendingSince")).pendingSince());
        assertEquals(List.of(), TopicSchemas.violations(TOPIC, older));
    }

    @Test
    void theEmittedBarRefusesWithTheFullReadsReasons() {
        String ok = RiskEventMessage.toJson(scored(null, false));
        Contract.refusesWhatIsNotOneJsonObject(TOPIC, RiskEventMessage::emittedBar, ok);
        for (String field : new String[] {"symbol", "interval", "openTime", "close", "volume", "gap", "score", "anomaly", "alertId",
                "lastTradePublishTime", "threshold"}) {
            assertEquals(reason(RiskEventMessage::parse, without(ok, field)), reason(RiskEventMessage::emittedBar, without(ok, field)));
        }
        assertEquals("openTime must be an integer", reason(RiskEventMessage::emittedBar, ok.replace("1700000040000", "\"1700000040000\"")));
        assertEquals("lastTradeId must be an integer", reason(RiskEventMessage::emittedBar, ok.replace("\"lastTradeId\":311", "\"lastTradeId\":\"311\"")));
        assertEquals("anomaly must be true or false", reason(RiskEventMessage::emittedBar, ok.replace("\"anomaly\":false", "\"anomaly\":0")));
        String[][] wrong = {{"\"gap\":false", "\"gap\":null"}, {"\"close\":42005.2", "\"close\":\"42005.2\""},
                {"\"symbol\":\"BTCUSDT\"", "\"symbol\":{\"a\":1}"}, {"\"tradeCount\":311", "\"tradeCount\":3.5"}};
        for (String[] w : wrong) {
            String bad = ok.replace(w[0], w[1]);
            assertEquals(reason(RiskEventMessage::parse, bad), reason(RiskEventMessage::emittedBar, bad), bad);
        }
    }

    private static Map<String, Double> features(RiskEvent e) {
        if (e.features() == null) return null;
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < e.featureNames().size(); i++) m.put(e.featureNames().get(i), e.features().value(i));
        return m;
    }
}

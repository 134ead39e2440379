package dev.riskplatform.testsupport.contract;

import static dev.riskplatform.testsupport.contract.Contract.assertConforms;
import static dev.riskplatform.testsupport.contract.Contract.reason;
import static dev.riskplatform.testsupport.contract.Contract.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.explain.FeatureContribution;
import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.MarketEpisodes;
import dev.riskplatform.core.risk.Severity;
import dev.riskplatform.io.topic.RiskAlertMessage;
import dev.riskplatform.testsupport.TopicSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link RiskAlertMessage}, the one codec of risk_alerts, against docs/topics.md and its schema. */
class RiskAlertsContractTest {

    private static final String TOPIC = "risk_alerts";
    private static final Alert ALERT = new Alert("BTCUSDT-1700000040000-v3", "BTCUSDT", BarInterval.parse("1m"), 1700000040000L,
            Severity.HIGH, 0.74, 0.66, "btc-iforest", 3,
            List.of(new FeatureContribution(0, "log_return", -0.031, -0.002, 0.002, -9.5, 0.58),
                    new FeatureContribution(3, "momentum", 0.01, -0.004, 0.004, 2.1, 0.25)), 1, 1700000100025L);

    @Test
    void whatTheDetectorWritesConformsToTheSchemaAndReadsBack() {
        MarketEpisodes.Context market = new MarketEpisodes.Context("MARKET-1m-1700000040000", 1700000040000L, 37, 400);
        for (Alert a : List.of(ALERT, ALERT.inMarket(market))) {
            String json = RiskAlertMessage.toJson(a);
            assertConforms(TOPIC, json);
            List<RiskAlertMessage.Explained> explained = a.explanation().stream().map(c -> new RiskAlertMessage.Explained(
                    c.name(), c.value(), c.typicalLow(), c.typicalHigh(), c.contribution())).toList();
            assertEquals(new RiskAlertMessage.Received(a.alertId(), a.symbol(), a.interval().code(), a.openTime(), a.severity(),
                    a.score(), a.threshold(), a.model(), a.modelVersion(), explained, a.episodeBars(), a.emittedAt(), a.market()),
                    RiskAlertMessage.parse(json));
        }
    }

    @Test
    void readsTheDocumentedExamples() {
        RiskAlertMessage.Received r = RiskAlertMessage.parse(Contract.example(TOPIC));
        assertEquals("BTCUSDT-1700000040000-v3", r.alertId());
        assertEquals(Severity.HIGH, r.severity());
        assertEquals(List.of(new RiskAlertMessage.Explained("log_return", -0.031, -0.002, 0.002, 0.58)), r.explanation());
        assertEquals(1, r.episodeBars());
        assertNull(r.market());
    }

    @Test
    void refusesWithTheDocumentedReasons() {
        String ok = RiskAlertMessage.toJson(ALERT);
        Contract.refusesWhatIsNotOneJsonObject(TOPIC, RiskAlertMessage::parse, ok);
        for (String field : new String[] {"alertId", "symbol", "severity", "score", "explanation", "episodeBars", "emittedAt"}) {
            assertEquals(field + " is missing", reason(RiskAlertMessage::parse, without(ok, field)));
            assertFalse(TopicSchemas.violations(TOPIC, without(ok, field)).isEmpty(), "the schema requires " + field);
        }
        assertEquals("severity must be LOW, MEDIUM, HIGH or CRITICAL, got 'high'", reason(RiskAlertMessage::parse, ok.replace("HIGH", "high")));
        assertEquals("explanation[1].contribution is missing", reason(RiskAlertMessage::parse, ok.replace(",\"contribution\":0.25", "")));
        assertEquals("explanation must be an array", reason(RiskAlertMessage::parse, ok.replaceFirst("\\[\\{.*}]", "{}")));
        String inMarket = RiskAlertMessage.toJson(ALERT.inMarket(new MarketEpisodes.Context("MARKET-1m-1", 1, 5, 40)));
        assertEquals("market.symbols must be an integer", reason(RiskAlertMessage::parse, inMarket.replace("\"symbols\":5", "\"symbols\":5.5")));
    }
}

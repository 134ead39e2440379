package dev.riskplatform.detector.stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.model.FeatureContribution;
import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.RiskEvent;
import dev.riskplatform.core.risk.RollingIntradayRisk;

/** Writes the payloads of docs/topics.md: risk_events, risk_alerts and detector_dlq. */
public final class RiskJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RiskJson() {
    }

    public static String event(RiskEvent e) {
        Bar b = e.bar();
        ObjectNode n = JSON.createObjectNode();
        n.put("symbol", b.symbol()).put("interval", b.interval().code()).put("openTime", b.openTime())
                .put("closeTime", b.closeTime()).put("open", b.open()).put("high", b.high()).put("low", b.low())
                .put("close", b.close()).put("volume", b.volume()).put("tradeCount", b.tradeCount()).put("gap", b.gap());
        if (e.features() != null) {
            ObjectNode f = n.putObject("features");
            for (int i = 0; i < e.featureNames().size(); i++) f.put(e.featureNames().get(i), e.features().value(i));
        }
        n.put("score", e.score()).put("threshold", e.threshold()).put("anomaly", e.anomaly())
                .put("model", e.model()).put("modelVersion", e.modelVersion()).put("scorer", e.scorer()).put("alertId", e.alertId())
                .put("lastTradePublishTime", e.lastTradePublishTime()).put("emittedAt", e.emittedAt())
                .put("closedBy", e.closedByIdle() ? "idle" : "trade");
        RollingIntradayRisk.Snapshot r = e.intraday();
        n.putObject("intradayRisk").put("window", "24h").put("horizon", b.interval().code()).put("bars", r.bars())
                .put("realizedVolatility", r.realizedVolatility()).put("var99", r.var99()).put("es99", r.es99());
        return n.toString();
    }

    public static String alert(Alert a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("alertId", a.alertId()).put("symbol", a.symbol()).put("interval", a.interval().code())
                .put("openTime", a.openTime()).put("severity", a.severity().name()).put("score", a.score())
                .put("threshold", a.threshold()).put("model", a.model()).put("modelVersion", a.modelVersion());
        var why = n.putArray("explanation");
        for (FeatureContribution c : a.explanation()) {
            why.addObject().put("feature", c.name()).put("value", c.value()).put("typicalLow", c.typicalLow())
                    .put("typicalHigh", c.typicalHigh()).put("contribution", c.contribution());
        }
        n.put("episodeBars", a.episodeBars()).put("emittedAt", a.emittedAt());
        if (a.market() != null) {
            n.putObject("market").put("episodeId", a.market().episodeId()).put("startOpenTime", a.market().startOpenTime())
                    .put("symbols", a.market().symbols()).put("activeSymbols", a.market().activeSymbols());
        }
        return n.toString();
    }

    public static String deadLetter(String reason, String raw, long at) {
        return JSON.createObjectNode().put("reason", reason).put("raw", raw).put("source", "market_prices")
                .put("at", at).toString();
    }
}

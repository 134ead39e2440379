package dev.riskplatform.io.topic;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.riskplatform.core.explain.FeatureContribution;
import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.MarketEpisodes;
import dev.riskplatform.core.risk.Severity;
import java.io.IOException;
import java.util.List;

/**
 * The {@code risk_alerts} value of docs/topics.md: one symbol's episode. The one codec of the topic: written by the
 * detector ({@code Outputs}), read by its alert forwarder ({@code AlertForwarder}, into an Alertmanager
 * episode) and its restart recovery ({@code StateRecovery}).
 */
public final class RiskAlertMessage {

    static final String TOPIC = "risk_alerts";

    /** One feature's part in the score, as the alert explains it. */
    public record Explained(String feature, double value, double typicalLow, double typicalHigh, double contribution) {
    }

    /** An alert as published; {@code market} is null unless the alert is part of a market episode. */
    public record Received(String alertId, String symbol, String interval, long openTime, Severity severity, double score,
                           double threshold, String model, long modelVersion, List<Explained> explanation, int episodeBars,
                           long emittedAt, MarketEpisodes.Context market) {
    }

    private RiskAlertMessage() {
    }

    /** Through a streaming generator, members in the documented order. */
    public static String toJson(Alert a) {
        return TopicJson.write(g -> {
            g.writeStringField("alertId", a.alertId());
            g.writeStringField("symbol", a.symbol());
            g.writeStringField("interval", a.interval().code());
            g.writeNumberField("openTime", a.openTime());
            g.writeStringField("severity", a.severity().name());
            g.writeNumberField("score", a.score());
            g.writeNumberField("threshold", a.threshold());
            g.writeStringField("model", a.model());
            g.writeNumberField("modelVersion", a.modelVersion());
            explanation(g, a.explanation());
            g.writeNumberField("episodeBars", a.episodeBars());
            g.writeNumberField("emittedAt", a.emittedAt());
            if (a.market() != null) market(g, a.market());
        });
    }

    /**
     * Every member the contract requires, of its documented type; unknown members are ignored.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static Received parse(String json) {
        Members m = TopicJson.readObject(TOPIC, json);
        return new Received(m.text("alertId"), m.text("symbol"), m.text("interval"), m.integer("openTime"),
                severity(m.text("severity")), m.number("score"), m.number("threshold"), m.text("model"),
                m.integer("modelVersion"), m.objects("explanation").stream().map(RiskAlertMessage::explained).toList(),
                (int) m.integer("episodeBars"), m.integer("emittedAt"), m.has("market") ? market(m.object("market")) : null);
    }

    private static void explanation(JsonGenerator g, List<FeatureContribution> explanation) throws IOException {
        g.writeArrayFieldStart("explanation");
        for (FeatureContribution c : explanation) {
            g.writeStartObject();
            g.writeStringField("feature", c.name());
            g.writeNumberField("value", c.value());
            g.writeNumberField("typicalLow", c.typicalLow());
            g.writeNumberField("typicalHigh", c.typicalHigh());
            g.writeNumberField("contribution", c.contribution());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void market(JsonGenerator g, MarketEpisodes.Context c) throws IOException {
        g.writeObjectFieldStart("market");
        g.writeStringField("episodeId", c.episodeId());
        g.writeNumberField("startOpenTime", c.startOpenTime());
        g.writeNumberField("symbols", c.symbols());
        g.writeNumberField("activeSymbols", c.activeSymbols());
        g.writeEndObject();
    }

    private static Explained explained(Members c) {
        return new Explained(c.text("feature"), c.number("value"), c.number("typicalLow"), c.number("typicalHigh"),
                c.number("contribution"));
    }

    private static MarketEpisodes.Context market(Members c) {
        return new MarketEpisodes.Context(c.text("episodeId"), c.integer("startOpenTime"), (int) c.integer("symbols"),
                (int) c.integer("activeSymbols"));
    }

    private static Severity severity(String name) {
        try {
            return Severity.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("severity must be LOW, MEDIUM, HIGH or CRITICAL, got '" + name + "'");
        }
    }
}

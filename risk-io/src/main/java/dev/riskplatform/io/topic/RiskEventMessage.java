package dev.riskplatform.io.topic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.EmittedBar;
import dev.riskplatform.core.risk.RiskEvent;
import dev.riskplatform.core.risk.RollingIntradayRisk;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code risk_events} value of docs/topics.md: one closed bar's risk calculation. The one codec of the topic:
 * written by the detector ({@code Outputs}), read by its alert forwarder ({@code AlertForwarder}, which
 * resolves episodes by the bars) and its restart recovery ({@code StateRecovery}, which rebuilds state from the bars).
 */
public final class RiskEventMessage {

    static final String TOPIC = "risk_events";

    /**
     * A risk event as published; {@code features} (by name, in the spec's order) is null during the warm-up, as is
     * {@code score}; {@code alertId} is null for a bar that is not anomalous.
     */
    public record Received(String symbol, String interval, long openTime, long closeTime, double open, double high,
                           double low, double close, double volume, long tradeCount, boolean gap,
                           Map<String, Double> features, Double score, double threshold, boolean anomaly, String model,
                           long modelVersion, String scorer, String alertId, long lastTradePublishTime, long emittedAt,
                           boolean closedByIdle, RollingIntradayRisk.Snapshot intradayRisk) {
    }

    /** Which bar an event is about: all that readers following the bars (episode ends, a restart's recovery) need. */
    public record BarRef(String symbol, long openTime) {
    }

    private RiskEventMessage() {
    }

    /** Through a streaming generator, members in the documented order: one per closed bar of every symbol. */
    public static String toJson(RiskEvent e) {
        return TopicJson.write(g -> {
            Bar b = e.bar();
            g.writeStringField("symbol", b.symbol());
            g.writeStringField("interval", b.interval().code());
            g.writeNumberField("openTime", b.openTime());
            g.writeNumberField("closeTime", b.closeTime());
            g.writeNumberField("open", b.open());
            g.writeNumberField("high", b.high());
            g.writeNumberField("low", b.low());
            g.writeNumberField("close", b.close());
            g.writeNumberField("volume", b.volume());
            g.writeNumberField("tradeCount", b.tradeCount());
            g.writeNumberField("firstTradeId", b.firstTradeId());
            g.writeNumberField("lastTradeId", b.lastTradeId());
            g.writeBooleanField("gap", b.gap());
            if (e.features() != null) features(g, e);
            nullableNumber(g, "score", e.score());
            g.writeNumberField("threshold", e.threshold());
            g.writeBooleanField("anomaly", e.anomaly());
            g.writeStringField("model", e.model());
            g.writeNumberField("modelVersion", e.modelVersion());
            g.writeStringField("scorer", e.scorer());
            g.writeStringField("alertId", e.alertId());
            g.writeNumberField("lastTradePublishTime", e.lastTradePublishTime());
            g.writeNumberField("emittedAt", e.emittedAt());
            g.writeStringField("closedBy", e.closedByIdle() ? "idle" : "trade");
            intradayRisk(g, e.intraday(), b.interval().code());
        });
    }

    /**
     * Every member the contract requires, of its documented type; unknown members are ignored.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static Received parse(String json) {
        Members m = TopicJson.readObject(TOPIC, json);
        return new Received(m.text("symbol"), m.text("interval"), m.integer("openTime"), m.integer("closeTime"),
                m.number("open"), m.number("high"), m.number("low"), m.number("close"), m.number("volume"),
                m.integer("tradeCount"), m.bool("gap"), m.has("features") ? features(m.object("features")) : null,
                m.numberOrNull("score"), m.number("threshold"), m.bool("anomaly"), m.text("model"), m.integer("modelVersion"),
                m.text("scorer"), m.textOrNull("alertId"), m.integer("lastTradePublishTime"), m.integer("emittedAt"),
                closedByIdle(m.text("closedBy")), intradayRisk(m.object("intradayRisk")));
    }

    /**
     * The event's symbol and openTime, read member by member up to the second of them and not further: one event per
     * closed bar of every symbol passes through these readers, and the rest of it (features, risk, model) is never
     * looked at there. The refusals are {@link #parse}'s for what is read.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static BarRef barRef(String json) {
        if (json == null) throw TopicJson.missing(TOPIC);
        try (JsonParser p = TopicJson.FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw TopicJson.notAnObject(TOPIC);
            String symbol = null;
            Long openTime = null;
            while (p.nextToken() == JsonToken.FIELD_NAME && (symbol == null || openTime == null)) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("symbol")) symbol = barMember(value == JsonToken.VALUE_STRING, name, "a string", p).getText();
                else if (name.equals("openTime")) openTime = barMember(value == JsonToken.VALUE_NUMBER_INT, name, "an integer", p).getLongValue();
                else p.skipChildren();
            }
            if (symbol == null) throw new IllegalArgumentException("symbol is missing");
            if (openTime == null) throw new IllegalArgumentException("openTime is missing");
            return new BarRef(symbol, openTime);
        } catch (JsonProcessingException e) {
            throw TopicJson.notJson(TOPIC, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw TopicJson.notJson(TOPIC, e.getMessage(), e);
        }
    }

    /**
     * The bar and the stream's verdict on it, as a restart rebuilds a symbol's state from them ({@code
     * SymbolPipeline.restore}): the top-level members only, features and intraday risk skipped unread (a restart reads
     * a day of events of every symbol). {@code firstTradeId} and {@code lastTradeId} are optional (events written before
     * them have none: -1). The refusals are {@link #parse}'s for what is read.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static EmittedBar emittedBar(String json) {
        Members m = TopicJson.readTopLevel(TOPIC, json);
        long openTime = m.integer("openTime");
        BarInterval interval = BarInterval.parse(m.text("interval"));
        Bar bar = new Bar(m.text("symbol"), interval, openTime, openTime + interval.millis() - 1, m.number("open"), m.number("high"),
                m.number("low"), m.number("close"), m.number("volume"), Double.NaN, Double.NaN, m.integer("tradeCount"),
                m.has("firstTradeId") ? m.integer("firstTradeId") : Bar.NO_TRADE_ID,
                m.has("lastTradeId") ? m.integer("lastTradeId") : Bar.NO_TRADE_ID, m.bool("gap"));
        return new EmittedBar(bar, m.numberOrNull("score"), m.bool("anomaly"), m.textOrNull("alertId"), m.integer("lastTradePublishTime"));
    }

    private static JsonParser barMember(boolean ofType, String name, String type, JsonParser p) {
        if (!ofType) throw new IllegalArgumentException(name + " must be " + type);
        return p;
    }

    private static void features(JsonGenerator g, RiskEvent e) throws IOException {
        g.writeObjectFieldStart("features");
        for (int i = 0; i < e.featureNames().size(); i++) g.writeNumberField(e.featureNames().get(i), e.features().value(i));
        g.writeEndObject();
    }

    private static void intradayRisk(JsonGenerator g, RollingIntradayRisk.Snapshot r, String horizon) throws IOException {
        g.writeObjectFieldStart("intradayRisk");
        g.writeStringField("window", "24h");
        g.writeStringField("horizon", horizon);
        g.writeNumberField("bars", r.bars());
        nullableNumber(g, "realizedVolatility", r.realizedVolatility());
        nullableNumber(g, "var99", r.var99());
        nullableNumber(g, "es99", r.es99());
        g.writeEndObject();
    }

    private static void nullableNumber(JsonGenerator g, String field, Double value) throws IOException {
        if (value == null) g.writeNullField(field);
        else g.writeNumberField(field, value.doubleValue());
    }

    private static Map<String, Double> features(Members f) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (String name : f.names()) out.put(name, f.number(name));
        return out;
    }

    private static RollingIntradayRisk.Snapshot intradayRisk(Members r) {
        return new RollingIntradayRisk.Snapshot((int) r.integer("bars"), r.numberOrNull("realizedVolatility"),
                r.numberOrNull("var99"), r.numberOrNull("es99"));
    }

    private static boolean closedByIdle(String closedBy) {
        return switch (closedBy) {
            case "idle" -> true;
            case "trade" -> false;
            default -> throw new IllegalArgumentException("closedBy must be trade or idle, got '" + closedBy + "'");
        };
    }
}

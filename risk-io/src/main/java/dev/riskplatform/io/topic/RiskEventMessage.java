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
import java.util.HashMap;
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
            if (e.pendingSince() != null) g.writeNumberField("pendingSince", e.pendingSince());
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
            return barRef(p);
        } catch (IOException e) {
            throw TopicJson.notJson(TOPIC, e);
        }
    }

    /** {@link #barRef(String)} from the record's UTF-8 bytes, with no String copy of the whole event first. */
    public static BarRef barRef(byte[] utf8) {
        if (utf8 == null) throw TopicJson.missing(TOPIC);
        try (JsonParser p = TopicJson.FACTORY.createParser(utf8)) {
            return barRef(p);
        } catch (IOException e) {
            throw TopicJson.notJson(TOPIC, e);
        }
    }

    private static BarRef barRef(JsonParser p) throws IOException {
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
    }

    /**
     * The bar and the stream's verdict on it, as a restart rebuilds a symbol's state from them ({@code
     * SymbolPipeline.restore}): streamed, the members it needs only, features and intraday risk skipped unparsed (a
     * restart reads a day of events of every symbol). {@code firstTradeId} and {@code lastTradeId} are optional (events written before
     * them have none: -1), as is {@code pendingSince} (absent when no bar was open: null). The refusals are {@link #parse}'s for what is read.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static EmittedBar emittedBar(String json) {
        if (json == null) throw TopicJson.missing(TOPIC);
        try (JsonParser p = TopicJson.FACTORY.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) throw TopicJson.notAnObject(TOPIC);
            Object[] v = new Object[EMITTED.length];
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                Integer at = EMITTED_INDEX.get(p.currentName());
                JsonToken value = p.nextToken();
                if (at != null) v[at] = scalar(at, value, p);
                else p.skipChildren();
            }
            if (p.nextToken() != null) throw TopicJson.trailing(TOPIC);
            long openTime = (Long) required(v, OPEN_TIME);
            BarInterval interval = BarInterval.parse((String) required(v, INTERVAL));
            Bar bar = new Bar((String) required(v, SYMBOL), interval, openTime, openTime + interval.millis() - 1,
                    (Double) required(v, OPEN), (Double) required(v, HIGH), (Double) required(v, LOW), (Double) required(v, CLOSE),
                    (Double) required(v, VOLUME), Double.NaN, Double.NaN, (Long) required(v, TRADE_COUNT),
                    v[FIRST_TRADE_ID] == null ? Bar.NO_TRADE_ID : (Long) v[FIRST_TRADE_ID],
                    v[LAST_TRADE_ID] == null ? Bar.NO_TRADE_ID : (Long) v[LAST_TRADE_ID], (Boolean) required(v, GAP));
            return new EmittedBar(bar, required(v, SCORE) == NULL ? null : (Double) v[SCORE], (Double) required(v, THRESHOLD),
                    (Boolean) required(v, ANOMALY),
                    required(v, ALERT_ID) == NULL ? null : (String) v[ALERT_ID], (Long) required(v, LAST_TRADE_PUBLISH_TIME),
                    (Long) v[PENDING_SINCE]);
        } catch (JsonProcessingException e) {
            throw TopicJson.notJson(TOPIC, e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw TopicJson.notJson(TOPIC, e.getMessage(), e);
        }
    }

    /** The members {@link #emittedBar} reads, and the type {@link #parse} requires of each (score and alertId may be null). */
    private static final String[][] EMITTED = {{"symbol", "a string"}, {"interval", "a string"}, {"openTime", "an integer"},
            {"open", "a number"}, {"high", "a number"}, {"low", "a number"}, {"close", "a number"}, {"volume", "a number"},
            {"tradeCount", "an integer"}, {"firstTradeId", "an integer"}, {"lastTradeId", "an integer"}, {"gap", "true or false"},
            {"score", "a number"}, {"anomaly", "true or false"}, {"alertId", "a string"}, {"lastTradePublishTime", "an integer"},
            {"pendingSince", "an integer"}, {"threshold", "a number"}};
    private static final int SYMBOL = 0, INTERVAL = 1, OPEN_TIME = 2, OPEN = 3, HIGH = 4, LOW = 5, CLOSE = 6, VOLUME = 7,
            TRADE_COUNT = 8, FIRST_TRADE_ID = 9, LAST_TRADE_ID = 10, GAP = 11, SCORE = 12, ANOMALY = 13, ALERT_ID = 14,
            LAST_TRADE_PUBLISH_TIME = 15, PENDING_SINCE = 16, THRESHOLD = 17;
    private static final Map<String, Integer> EMITTED_INDEX = new HashMap<>();
    private static final Object NULL = new Object();

    static {
        for (int i = 0; i < EMITTED.length; i++) EMITTED_INDEX.put(EMITTED[i][0], i);
    }

    /** Member {@code at}'s value as its documented type (Long, Double, String, Boolean; NULL where null is allowed). */
    private static Object scalar(int at, JsonToken value, JsonParser p) throws IOException {
        if (value == JsonToken.VALUE_NULL && (at == SCORE || at == ALERT_ID)) return NULL;
        String type = EMITTED[at][1];
        switch (type) {
            case "a string":
                if (value == JsonToken.VALUE_STRING) return p.getText();
                break;
            case "an integer":
                if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) return p.getLongValue();
                break;
            case "a number":
                if (value == JsonToken.VALUE_NUMBER_INT || value == JsonToken.VALUE_NUMBER_FLOAT) return p.getDoubleValue();
                break;
            default:
                if (value == JsonToken.VALUE_TRUE || value == JsonToken.VALUE_FALSE) return value == JsonToken.VALUE_TRUE;
        }
        throw new IllegalArgumentException(EMITTED[at][0] + " must be " + type);
    }

    /** The member's value, NULL included (scalar() let it through only where null is allowed). */
    private static Object required(Object[] values, int at) {
        if (values[at] == null) throw new IllegalArgumentException(EMITTED[at][0] + " is missing");
        return values[at];
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

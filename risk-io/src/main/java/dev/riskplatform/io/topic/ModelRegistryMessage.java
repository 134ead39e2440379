package dev.riskplatform.io.topic;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.BarInterval;
import java.io.IOException;

/**
 * The {@code model_registry} value of docs/topics.md: a model version was registered. The one codec of the topic:
 * written by the model trainer ({@code ModelRegistration}), read by the detector ({@code ModelRegistryListener},
 * which takes it as a hint to re-read the registry it names).
 */
public final class ModelRegistryMessage {

    static final String TOPIC = "model_registry";

    /** An announcement as published; {@code scorer} is {@code isolation-forest} when the member is absent (older events). */
    public record Received(String model, int version, String artifactKey, String sha256, boolean promoted, String reason,
                           FeatureSpec featureSpec, long registeredAt, String scorer) {
    }

    private ModelRegistryMessage() {
    }

    /** The entry {@code model}'s registry just listed, members in the documented order. */
    public static String toJson(String model, RegistryEntry e) {
        return TopicJson.write(g -> {
            g.writeStringField("model", model);
            g.writeNumberField("version", e.version());
            g.writeStringField("artifactKey", e.artifactKey());
            g.writeStringField("sha256", e.sha256());
            g.writeBooleanField("promoted", e.promoted());
            g.writeStringField("reason", e.reason());
            featureSpec(g, e.featureSpec());
            g.writeNumberField("registeredAt", e.registeredAt());
            g.writeStringField("scorer", e.scorer());
        });
    }

    /**
     * Every member the contract requires, of its documented type; unknown members are ignored.
     *
     * @throws IllegalArgumentException with the reason
     */
    public static Received parse(String json) {
        Members m = TopicJson.readObject(TOPIC, json);
        return new Received(m.text("model"), (int) m.integer("version"), m.text("artifactKey"), m.text("sha256"),
                m.bool("promoted"), m.has("reason") ? m.textOrNull("reason") : null, featureSpec(m.object("featureSpec")),
                m.integer("registeredAt"), m.has("scorer") ? m.text("scorer") : RegistryEntry.ISOLATION_FOREST);
    }

    private static void featureSpec(JsonGenerator g, FeatureSpec s) throws IOException {
        g.writeObjectFieldStart("featureSpec");
        g.writeNumberField("version", s.version());
        g.writeStringField("interval", s.interval().code());
        g.writeNumberField("volatilityWindow", s.volatilityWindow());
        g.writeNumberField("zScoreWindow", s.zScoreWindow());
        g.writeNumberField("momentumWindow", s.momentumWindow());
        g.writeEndObject();
    }

    private static FeatureSpec featureSpec(Members s) {
        return new FeatureSpec((int) s.integer("version"), BarInterval.parse(s.text("interval")), (int) s.integer("volatilityWindow"),
                (int) s.integer("zScoreWindow"), (int) s.integer("momentumWindow"));
    }
}

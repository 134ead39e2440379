package dev.riskplatform.testsupport.contract;

import static dev.riskplatform.testsupport.contract.Contract.assertConforms;
import static dev.riskplatform.testsupport.contract.Contract.reason;
import static dev.riskplatform.testsupport.contract.Contract.without;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.io.topic.ModelRegistryMessage;
import dev.riskplatform.testsupport.TopicSchemas;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ModelRegistryMessage}, the one codec of model_registry, against docs/topics.md and its schema. */
class ModelRegistryContractTest {

    private static final String TOPIC = "model_registry";
    private static final String SHA = "9f2c".repeat(16);

    @Test
    void whatTheTrainerWritesConformsToTheSchemaAndReadsBack() {
        for (RegistryEntry e : List.of(
                new RegistryEntry(3, "models/btc-iforest/v3/model.json", SHA, "isolation-forest", FeatureSpec.defaults(), true, null,
                        1700000000000L, RegistryEntry.TAIL_BLEND, List.of()),
                new RegistryEntry(4, "models/btc-iforest/v4/model.json", SHA, "isolation-forest", FeatureSpec.v1Defaults(), false,
                        "holdout alert rate 0.02 above 0.01", 1700000000001L))) {
            String json = ModelRegistryMessage.toJson("btc-iforest", e);
            assertConforms(TOPIC, json);
            assertEquals(new ModelRegistryMessage.Received("btc-iforest", e.version(), e.artifactKey(), e.sha256(), e.promoted(),
                    e.reason(), e.featureSpec(), e.registeredAt(), e.scorer()), ModelRegistryMessage.parse(json));
        }
    }

    @Test
    void readsTheDocumentedExample() {
        ModelRegistryMessage.Received r = ModelRegistryMessage.parse(Contract.example(TOPIC));
        assertEquals("btc-iforest", r.model());
        assertEquals(3, r.version());
        assertEquals(FeatureSpec.v1Defaults(), r.featureSpec());
        assertEquals(RegistryEntry.ISOLATION_FOREST, r.scorer());
    }

    @Test
    void refusesWithTheDocumentedReasons() {
        String ok = ModelRegistryMessage.toJson("btc-iforest", new RegistryEntry(3, "models/btc-iforest/v3/model.json", SHA,
                "isolation-forest", FeatureSpec.defaults(), true, null, 1700000000000L));
        Contract.refusesWhatIsNotOneJsonObject(TOPIC, ModelRegistryMessage::parse, ok);
        for (String field : new String[] {"model", "artifactKey", "sha256", "promoted", "featureSpec", "registeredAt"}) {
            assertEquals(field + " is missing", reason(ModelRegistryMessage::parse, without(ok, field)));
            assertFalse(TopicSchemas.violations(TOPIC, without(ok, field)).isEmpty(), "the schema requires " + field);
        }
        assertEquals("featureSpec.momentumWindow is missing", reason(ModelRegistryMessage::parse, without(ok, "momentumWindow")));
        assertFalse(TopicSchemas.violations(TOPIC, without(ok, "momentumWindow")).isEmpty(), "the schema requires the windows");
        assertEquals("promoted must be true or false", reason(ModelRegistryMessage::parse, ok.replace("\"promoted\":true", "\"promoted\":1")));
        assertEquals(RegistryEntry.ISOLATION_FOREST, ModelRegistryMessage.parse(without(ok, "scorer")).scorer(), "older events");
    }
}

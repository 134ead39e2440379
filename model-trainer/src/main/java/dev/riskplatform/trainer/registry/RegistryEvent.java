package dev.riskplatform.trainer.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.trainer.card.ModelCards;

/** The {@code model_registry} record value of docs/topics.md, members in the documented order. */
public final class RegistryEvent {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistryEvent() {
    }

    public static String json(String model, RegistryEntry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("model", model);
        n.put("version", e.version());
        n.put("artifactKey", e.artifactKey());
        n.put("sha256", e.sha256());
        n.put("promoted", e.promoted());
        if (e.reason() == null) n.putNull("reason"); else n.put("reason", e.reason());
        n.set("featureSpec", JSON.valueToTree(ModelCards.spec(e.featureSpec())));
        n.put("registeredAt", e.registeredAt());
        n.put("scorer", e.scorer());
        return n.toString();
    }
}

package dev.riskplatform.detector.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The promoted version of {@code models/<name>/registry.json} (docs/storage.md): only what the
 * detector needs to fetch and verify it.
 */
public record RegistryEntry(String model, long version, String artifactKey, String sha256) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static String key(String model) {
        return "models/" + model + "/registry.json";
    }

    /** The promoted version; IllegalArgumentException naming what is missing otherwise. */
    public static RegistryEntry promoted(String model, byte[] registryJson) throws IOException {
        JsonNode root = JSON.readTree(registryJson);
        JsonNode promoted = root.path("promotedVersion");
        if (!promoted.canConvertToLong()) throw new IllegalArgumentException("registry has no promotedVersion");
        for (JsonNode v : root.path("versions")) {
            if (v.path("version").asLong(-1) == promoted.asLong()) {
                return new RegistryEntry(model, promoted.asLong(), text(v, "artifactKey"), text(v, "sha256"));
            }
        }
        throw new IllegalArgumentException("promoted version " + promoted.asLong() + " is not among the registry's versions");
    }

    private static String text(JsonNode v, String field) {
        if (!v.path(field).isTextual()) throw new IllegalArgumentException("registry version has no " + field);
        return v.get(field).asText();
    }
}

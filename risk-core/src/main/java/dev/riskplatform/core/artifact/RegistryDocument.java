package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The model registry of one model name: every registered version and the promoted one.
 * Immutable; {@link #with(RegistryEntry)} returns the next document, which the caller writes back
 * with a conditional PUT (the storage side is not this class's business).
 */
public record RegistryDocument(String model, Integer promotedVersion, List<RegistryEntry> versions) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public RegistryDocument {
        versions = List.copyOf(versions);
        if (promotedVersion != null && versions.stream().noneMatch(v -> v.version() == promotedVersion && v.promoted())) {
            throw new IllegalArgumentException("promotedVersion " + promotedVersion + " is not a promoted entry");
        }
    }

    public static RegistryDocument empty(String model) {
        return new RegistryDocument(model, null, List.of());
    }

    public Optional<RegistryEntry> promoted() {
        return promotedVersion == null ? Optional.empty() : version(promotedVersion);
    }

    public Optional<RegistryEntry> version(int v) {
        return versions.stream().filter(e -> e.version() == v).findFirst();
    }

    /** The next free version number (1 for an empty registry). */
    public int nextVersion() {
        return versions.stream().mapToInt(RegistryEntry::version).max().orElse(0) + 1;
    }

    /** This registry plus {@code entry}; a promoted entry becomes the promoted version. */
    public RegistryDocument with(RegistryEntry entry) {
        if (version(entry.version()).isPresent()) {
            throw new IllegalArgumentException("version " + entry.version() + " of " + model + " is already registered");
        }
        List<RegistryEntry> next = new ArrayList<>(versions);
        next.add(entry);
        next.sort(Comparator.comparingInt(RegistryEntry::version));
        return new RegistryDocument(model, entry.promoted() ? Integer.valueOf(entry.version()) : promotedVersion, next);
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("model", model);
        if (promotedVersion == null) root.putNull("promotedVersion"); else root.put("promotedVersion", promotedVersion);
        ArrayNode list = root.putArray("versions");
        versions.forEach(v -> list.add(entry(v)));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException("a registry always serialises", e);
        }
    }

    public static RegistryDocument parse(byte[] json) throws ModelArtifactException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new ModelArtifactException("registry is not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) throw new ModelArtifactException("registry must be a JSON object");
        List<RegistryEntry> versions = new ArrayList<>();
        for (JsonNode n : Json.array(root, "registry", "versions")) versions.add(entry(n));
        JsonNode promoted = root.get("promotedVersion");
        try {
            return new RegistryDocument(Json.text(root, "registry", "model"),
                    promoted == null || promoted.isNull() ? null : (int) Json.integer(promoted, "registry.promotedVersion"),
                    versions);
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("invalid registry: " + e.getMessage(), e);
        }
    }

    private static ObjectNode entry(RegistryEntry v) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", v.version());
        n.put("artifactKey", v.artifactKey());
        n.put("sha256", v.sha256());
        n.put("modelType", v.modelType());
        n.set("featureSpec", ArtifactWriter.spec(v.featureSpec()));
        n.put("promoted", v.promoted());
        if (v.reason() == null) n.putNull("reason"); else n.put("reason", v.reason());
        n.put("registeredAt", v.registeredAt());
        n.put("scorer", v.scorer());
        ArrayNode companions = n.putArray("companions");
        for (RegistryEntry.Companion c : v.companions()) {
            companions.addObject().put("modelType", c.modelType()).put("artifactKey", c.artifactKey()).put("sha256", c.sha256());
        }
        return n;
    }

    /** Absent (a registry written before the autoencoder) means the Isolation Forest. */
    private static String scorer(JsonNode n, String p) throws ModelArtifactException {
        JsonNode s = n.get("scorer");
        return s == null || s.isNull() ? RegistryEntry.ISOLATION_FOREST : Json.text(n, p, "scorer");
    }

    private static List<RegistryEntry.Companion> companions(JsonNode n, String p) throws ModelArtifactException {
        List<RegistryEntry.Companion> list = new ArrayList<>();
        if (n.get("companions") == null || n.get("companions").isNull()) return list;
        for (JsonNode c : Json.array(n, p, "companions")) {
            String q = p + ".companions[]";
            list.add(new RegistryEntry.Companion(Json.text(c, q, "modelType"), Json.text(c, q, "artifactKey"), Json.text(c, q, "sha256")));
        }
        return list;
    }

    private static RegistryEntry entry(JsonNode n) throws ModelArtifactException {
        String p = "registry.versions[]";
        JsonNode reason = n.get("reason");
        try {
            return new RegistryEntry((int) Json.integer(n, p, "version"), Json.text(n, p, "artifactKey"),
                    Json.text(n, p, "sha256"), Json.text(n, p, "modelType"),
                    ArtifactReader.spec(Json.object(n, p, "featureSpec")),
                    Json.member(n, p, "promoted").asBoolean(),
                    reason == null || reason.isNull() ? null : reason.asText(),
                    Json.integer(n, p, "registeredAt"), scorer(n, p), companions(n, p));
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("invalid registry entry: " + e.getMessage(), e);
        }
    }
}

package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.core.scoring.Threshold;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.scoring.ScoreSummary;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What every hashed artifact format shares (the forest's and the autoencoder's), checked cheapest and
 * most telling first: strict JSON (no duplicate members, no trailing tokens), format name, format
 * version, exact member order, model type, then the content hash. Also the members both formats
 * carry in the same shape: training range and provenance, score summary.
 */
final class Envelope {

    /** One format's identity: what its documents must say about themselves. */
    record Kind(String format, java.util.Map<Integer, List<String>> membersByVersion, String modelType) {
        Kind(String format, int version, List<String> members, String modelType) {
            this(format, java.util.Map.of(version, members), modelType);
        }
    }

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private Envelope() {
    }

    /** The document's root, once its envelope and hash are verified; its values are for the caller to check. */
    static JsonNode open(byte[] doc, Kind kind) throws ModelArtifactException {
        JsonNode root = parseJson(doc);
        check(root, kind);
        ContentHash.verify(doc);
        return root;
    }

    private static JsonNode parseJson(byte[] doc) throws ModelArtifactException {
        if (doc.length == 0) throw new ModelArtifactException("empty artifact");
        try {
            JsonNode root = STRICT.readTree(doc);
            if (root == null || !root.isObject()) throw new ModelArtifactException("artifact must be a JSON object");
            return root;
        } catch (JsonProcessingException e) {
            throw new ModelArtifactException("malformed or truncated JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ModelArtifactException("unreadable artifact: " + e.getMessage(), e);
        }
    }

    private static void check(JsonNode root, Kind kind) throws ModelArtifactException {
        JsonNode format = root.get("format");
        if (format == null || !kind.format().equals(format.asText())) {
            throw new ModelArtifactException("not a " + kind.format() + " artifact: format = " + format);
        }
        long version = Json.integer(root, "", "formatVersion");
        List<String> members = version == (int) version ? kind.membersByVersion().get((int) version) : null;
        if (members == null) {
            throw new ModelArtifactException("unsupported formatVersion " + version + " (this reader understands "
                    + kind.membersByVersion().keySet().stream().sorted().map(String::valueOf).collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) names.add(it.next());
        if (!names.equals(members)) {
            throw new ModelArtifactException("members must be exactly " + members + " in this order, got " + names);
        }
        String type = Json.text(root, "", "modelType");
        if (!kind.modelType().equals(type)) throw new ModelArtifactException("unsupported modelType " + type);
    }

    static TrainingInfo training(JsonNode root, JsonNode params) throws ModelArtifactException {
        JsonNode t = Json.object(root, "", "training");
        JsonNode seed = params.get("seed");
        Long seedValue = seed == null || seed.isNull() ? null : Json.integer(seed, ".parameters.seed");
        Instant created;
        try {
            created = Instant.parse(Json.text(root, "", "createdAt"));
        } catch (DateTimeParseException e) {
            throw new ModelArtifactException("createdAt must be an ISO-8601 instant", e);
        }
        return new TrainingInfo(Json.integer(t, ".training", "fromEpochMillis"), Json.integer(t, ".training", "toEpochMillis"),
                Json.integer(t, ".training", "rowCount"), seedValue, created, Json.text(root, "", "codeVersion"));
    }

    /** The threshold, whose source must agree with parameters.contamination (fixed: none; contamination: the rate). */
    static Threshold threshold(JsonNode n, JsonNode params) throws ModelArtifactException {
        double value = Json.number(n, ".threshold", "value");
        String source = Json.text(n, ".threshold", "source");
        JsonNode c = params.get("contamination");
        boolean hasRate = c != null && !c.isNull();
        try {
            if (source.equals("fixed") && !hasRate) return Threshold.fixed(value);
            if (source.equals("contamination") && hasRate) return new Threshold(value, Json.number(c, ".parameters.contamination"));
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("invalid threshold: " + e.getMessage(), e);
        }
        throw new ModelArtifactException("threshold.source '" + source + "' does not agree with parameters.contamination " + c);
    }

    static ScoreSummary summary(JsonNode n) throws ModelArtifactException {
        String p = ".scoreSummary";
        return new ScoreSummary(Json.number(n, p, "min"), Json.number(n, p, "p50"), Json.number(n, p, "p90"),
                Json.number(n, p, "p99"), Json.number(n, p, "max"), Json.number(n, p, "mean"));
    }
}

package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.autoencoder.Standardizer;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.model.ScoreSummary;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Parses and verifies a riskplatform-autoencoder document, cheapest and most telling checks first:
 * JSON syntax, format, version, member order, content hash, then values and layer shapes
 * ({@link LayerCodec}). Every failure is a {@link ModelArtifactException} naming the member.
 */
final class AutoencoderReader {

    static final List<String> MEMBERS = List.of("format", "formatVersion", "modelType", "featureSpec", "training",
            "parameters", "threshold", "scoreSummary", "standardization", "createdAt", "codeVersion", "layers",
            ContentHash.MEMBER);

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private AutoencoderReader() {
    }

    static AutoencoderArtifact parse(byte[] doc) throws ModelArtifactException {
        JsonNode root = parseJson(doc);
        checkEnvelope(root);
        ContentHash.verify(doc);
        FeatureSpec spec = ArtifactReader.spec(Json.object(root, "", "featureSpec"));
        JsonNode params = Json.object(root, "", "parameters");
        Standardizer standardizer = LayerCodec.standardizer(Json.object(root, "", "standardization"), spec.featureCount());
        Autoencoder model = LayerCodec.model(standardizer, Json.array(root, "", "layers"), LayerCodec.sizes(params));
        try {
            return new AutoencoderArtifact(spec, training(root, params), hyperparameters(params),
                    LayerCodec.threshold(Json.object(root, "", "threshold"), params), summary(Json.object(root, "", "scoreSummary")), model);
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("invalid autoencoder artifact: " + e.getMessage(), e);
        }
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

    private static void checkEnvelope(JsonNode root) throws ModelArtifactException {
        JsonNode format = root.get("format");
        if (format == null || !AutoencoderArtifact.FORMAT.equals(format.asText())) {
            throw new ModelArtifactException("not a " + AutoencoderArtifact.FORMAT + " artifact: format = " + format);
        }
        long version = Json.integer(root, "", "formatVersion");
        if (version != AutoencoderArtifact.FORMAT_VERSION) {
            throw new ModelArtifactException("unsupported formatVersion " + version + " (this reader understands "
                    + AutoencoderArtifact.FORMAT_VERSION + ")");
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) names.add(it.next());
        if (!names.equals(MEMBERS)) throw new ModelArtifactException("members must be exactly " + MEMBERS + " in this order, got " + names);
        String type = Json.text(root, "", "modelType");
        if (!AutoencoderArtifact.MODEL_TYPE.equals(type)) throw new ModelArtifactException("unsupported modelType " + type);
    }

    private static TrainingInfo training(JsonNode root, JsonNode params) throws ModelArtifactException {
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

    private static AutoencoderArtifact.Hyperparameters hyperparameters(JsonNode p) throws ModelArtifactException {
        return new AutoencoderArtifact.Hyperparameters((int) Json.integer(p, ".parameters", "epochs"),
                (int) Json.integer(p, ".parameters", "batchSize"), Json.number(p, ".parameters", "learningRate"));
    }

    private static ScoreSummary summary(JsonNode n) throws ModelArtifactException {
        String p = ".scoreSummary";
        return new ScoreSummary(Json.number(n, p, "min"), Json.number(n, p, "p50"), Json.number(n, p, "p90"),
                Json.number(n, p, "p99"), Json.number(n, p, "max"), Json.number(n, p, "mean"));
    }
}

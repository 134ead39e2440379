package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.model.FeatureStats;
import dev.riskplatform.core.model.IsolationForest;
import dev.riskplatform.core.model.IsolationTree;
import dev.riskplatform.core.model.ScoreSummary;
import dev.riskplatform.core.model.Threshold;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Parses and verifies a document, cheapest and most telling checks first: JSON syntax, format
 * name, format version, member order, content hash, then every value and the tree structure.
 */
final class ArtifactReader {

    static final List<String> MEMBERS = List.of("format", "formatVersion", "modelType", "featureSpec", "training",
            "parameters", "threshold", "scoreSummary", "featureStats", "createdAt", "codeVersion", "trees",
            ContentHash.MEMBER);

    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ArtifactReader() {
    }

    static ModelArtifact parse(byte[] doc) throws ModelArtifactException {
        JsonNode root = parseJson(doc);
        checkEnvelope(root);
        ContentHash.verify(doc);
        FeatureSpec spec = spec(Json.object(root, "", "featureSpec"));
        JsonNode params = Json.object(root, "", "parameters");
        Threshold threshold = threshold(Json.object(root, "", "threshold"), params);
        IsolationForest model = model(root, params, spec);
        try {
            return new ModelArtifact(spec, training(root, params), threshold,
                    summary(Json.object(root, "", "scoreSummary")), model);
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("invalid artifact: " + e.getMessage(), e);
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
        if (format == null || !ModelArtifact.FORMAT.equals(format.asText())) {
            throw new ModelArtifactException("not a " + ModelArtifact.FORMAT + " artifact: format = " + format);
        }
        long version = Json.integer(root, "", "formatVersion");
        if (version != ModelArtifact.FORMAT_VERSION) {
            throw new ModelArtifactException("unsupported formatVersion " + version + " (this reader understands "
                    + ModelArtifact.FORMAT_VERSION + ")");
        }
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) names.add(it.next());
        if (!names.equals(MEMBERS)) {
            throw new ModelArtifactException("members must be exactly " + MEMBERS + " in this order, got " + names);
        }
        String type = Json.text(root, "", "modelType");
        if (!ModelArtifact.MODEL_TYPE.equals(type)) throw new ModelArtifactException("unsupported modelType " + type);
    }

    private static FeatureSpec spec(JsonNode n) throws ModelArtifactException {
        String p = ".featureSpec";
        try {
            FeatureSpec spec = new FeatureSpec((int) Json.integer(n, p, "version"),
                    BarInterval.parse(Json.text(n, p, "interval")), (int) Json.integer(n, p, "volatilityWindow"),
                    (int) Json.integer(n, p, "zScoreWindow"), (int) Json.integer(n, p, "momentumWindow"));
            List<String> names = new ArrayList<>();
            for (JsonNode name : Json.array(n, p, "featureNames")) names.add(name.asText());
            if (!names.equals(spec.featureNames())) {
                throw new ModelArtifactException("featureSpec.featureNames " + names + " differ from this code's "
                        + spec.featureNames() + " for spec version " + spec.version());
            }
            return spec;
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("invalid featureSpec: " + e.getMessage(), e);
        }
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

    private static Threshold threshold(JsonNode n, JsonNode params) throws ModelArtifactException {
        double value = Json.number(n, ".threshold", "value");
        String source = Json.text(n, ".threshold", "source");
        JsonNode c = params.get("contamination");
        boolean hasRate = c != null && !c.isNull();
        try {
            if (source.equals("fixed") && !hasRate) return Threshold.fixed(value);
            if (source.equals("contamination") && hasRate) {
                return new Threshold(value, Json.number(c, ".parameters.contamination"));
            }
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("invalid threshold: " + e.getMessage(), e);
        }
        throw new ModelArtifactException("threshold.source '" + source + "' does not agree with parameters.contamination " + c);
    }

    private static ScoreSummary summary(JsonNode n) throws ModelArtifactException {
        String p = ".scoreSummary";
        return new ScoreSummary(Json.number(n, p, "min"), Json.number(n, p, "p50"), Json.number(n, p, "p90"),
                Json.number(n, p, "p99"), Json.number(n, p, "max"), Json.number(n, p, "mean"));
    }

    private static IsolationForest model(JsonNode root, JsonNode params, FeatureSpec spec) throws ModelArtifactException {
        int d = spec.featureCount();
        JsonNode trees = Json.array(root, "", "trees");
        if (trees.isEmpty()) throw new ModelArtifactException("structure: the forest has no trees");
        if (Json.integer(params, ".parameters", "trees") != trees.size()) {
            throw new ModelArtifactException("parameters.trees says " + params.get("trees") + " but " + trees.size() + " trees are stored");
        }
        List<IsolationTree> list = new ArrayList<>(trees.size());
        for (int t = 0; t < trees.size(); t++) list.add(TreeCodec.read(trees.get(t), d, t));
        FeatureStats stats = StatsCodec.read(Json.array(root, "", "featureStats"), spec);
        long maxSamples = Json.integer(params, ".parameters", "maxSamples");
        try {
            return new IsolationForest(d, Math.toIntExact(maxSamples), list, stats);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new ModelArtifactException("structure: " + e.getMessage(), e);
        }
    }
}

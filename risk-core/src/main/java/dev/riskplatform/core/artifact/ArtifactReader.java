package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.forest.FeatureStats;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.forest.tree.IsolationTree;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.scoring.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses and verifies a document, cheapest and most telling checks first: JSON syntax, format
 * name, format version, member order, content hash, then every value and the tree structure.
 */
final class ArtifactReader {

    static final List<String> MEMBERS_V1 = List.of("format", "formatVersion", "modelType", "featureSpec", "training",
            "parameters", "threshold", "scoreSummary", "featureStats", "createdAt", "codeVersion", "trees",
            ContentHash.MEMBER);
    /** Version 2 adds {@code scorer}: which served score the threshold and score summary are of. */
    static final List<String> MEMBERS = List.of("format", "formatVersion", "modelType", "featureSpec", "training",
            "parameters", "scorer", "threshold", "scoreSummary", "featureStats", "createdAt", "codeVersion", "trees",
            ContentHash.MEMBER);

    private static final Envelope.Kind KIND = new Envelope.Kind(ModelArtifact.FORMAT,
            Map.of(1, MEMBERS_V1, ModelArtifact.FORMAT_VERSION, MEMBERS), ModelArtifact.MODEL_TYPE);

    private ArtifactReader() {
    }

    static ModelArtifact parse(byte[] doc) throws ModelArtifactException {
        JsonNode root = Envelope.open(doc, KIND);
        FeatureSpec spec = spec(Json.object(root, "", "featureSpec"));
        JsonNode params = Json.object(root, "", "parameters");
        Threshold threshold = Envelope.threshold(Json.object(root, "", "threshold"), params);
        IsolationForest model = model(root, params, spec);
        // A version-1 document predates the member: its threshold is of the forest's own score.
        String scorer = root.has("scorer") ? Json.text(root, "", "scorer") : ServedScorer.ISOLATION_FOREST.id();
        try {
            return new ModelArtifact(spec, Envelope.training(root, params), ServedScorer.parse(scorer), threshold,
                    Envelope.summary(Json.object(root, "", "scoreSummary")), model);
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("invalid artifact: " + e.getMessage(), e);
        }
    }

    static FeatureSpec spec(JsonNode n) throws ModelArtifactException {
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

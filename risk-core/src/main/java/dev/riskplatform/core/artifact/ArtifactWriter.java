package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.forest.FeatureStats;
import dev.riskplatform.core.forest.tree.IsolationTree;
import dev.riskplatform.core.scoring.ScoreSummary;
import java.io.IOException;

/** Builds the canonical document: members in the order of docs/model-format.md, compact, UTF-8. */
final class ArtifactWriter {

    static final ObjectMapper JSON = new ObjectMapper();

    private ArtifactWriter() {
    }

    static byte[] canonicalBytes(ModelArtifact a) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", ModelArtifact.FORMAT);
        root.put("formatVersion", ModelArtifact.FORMAT_VERSION);
        root.put("modelType", ModelArtifact.MODEL_TYPE);
        root.set("featureSpec", spec(a.featureSpec()));
        ObjectNode training = root.putObject("training");
        training.put("fromEpochMillis", a.training().fromEpochMillis());
        training.put("toEpochMillis", a.training().toEpochMillis());
        training.put("rowCount", a.training().rowCount());
        ObjectNode params = root.putObject("parameters");
        params.put("trees", a.model().trees().size());
        params.put("maxSamples", a.model().maxSamples());
        params.put("seed", a.training().seed());
        params.put("contamination", a.threshold().isFixed() ? null : a.threshold().contamination());
        root.put("scorer", a.scorer().id());
        ObjectNode threshold = root.putObject("threshold");
        threshold.put("value", a.threshold().value());
        threshold.put("source", a.threshold().isFixed() ? "fixed" : "contamination");
        root.set("scoreSummary", summary(a.trainingScores()));
        root.set("featureStats", stats(a.model().stats(), a.featureSpec()));
        root.put("createdAt", a.training().createdAt().toString());
        root.put("codeVersion", a.training().codeVersion());
        ArrayNode trees = root.putArray("trees");
        for (IsolationTree t : a.model().trees()) trees.add(tree(t));
        return JSON.writeValueAsBytes(root);
    }

    static ObjectNode spec(FeatureSpec s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("version", s.version());
        n.put("interval", s.interval().code());
        n.put("volatilityWindow", s.volatilityWindow());
        n.put("zScoreWindow", s.zScoreWindow());
        n.put("momentumWindow", s.momentumWindow());
        ArrayNode names = n.putArray("featureNames");
        s.featureNames().forEach(names::add);
        return n;
    }

    static ObjectNode summary(ScoreSummary s) {
        ObjectNode n = JSON.createObjectNode();
        n.put("min", s.min());
        n.put("p50", s.p50());
        n.put("p90", s.p90());
        n.put("p99", s.p99());
        n.put("max", s.max());
        n.put("mean", s.mean());
        return n;
    }

    private static ArrayNode stats(FeatureStats s, FeatureSpec spec) {
        ArrayNode a = JSON.createArrayNode();
        for (int f = 0; f < s.featureCount(); f++) {
            ObjectNode n = a.addObject();
            n.put("name", spec.featureNames().get(f));
            n.put("mean", s.mean(f));
            n.put("std", s.std(f));
            n.put("p01", s.p01(f));
            n.put("p99", s.p99(f));
        }
        return a;
    }

    /** Splits are written as the exact double value of the float32 (e.g. 0.10000000149011612). */
    private static ObjectNode tree(IsolationTree t) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode feature = n.putArray("feature");
        ArrayNode split = n.putArray("split");
        ArrayNode left = n.putArray("left");
        ArrayNode right = n.putArray("right");
        ArrayNode samples = n.putArray("samples");
        ArrayNode value = n.putArray("value");
        for (int i = 0; i < t.nodeCount(); i++) {
            feature.add(t.feature(i));
            split.add((double) t.split(i));
            left.add(t.left(i));
            right.add(t.right(i));
            samples.add(t.samples(i));
            value.add(t.value(i));
        }
        return n;
    }
}

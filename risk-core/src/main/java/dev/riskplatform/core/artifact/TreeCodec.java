package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.core.forest.tree.IsolationTree;

/** Reads one tree's parallel node arrays and hands them to the model's structural validation. */
final class TreeCodec {

    private static final String[] ARRAYS = {"feature", "split", "left", "right", "samples", "value"};

    private TreeCodec() {
    }

    static IsolationTree read(JsonNode tree, int featureCount, int index) throws ModelArtifactException {
        String where = ".trees[" + index + "]";
        if (!tree.isObject()) throw new ModelArtifactException(where + " must be an object");
        int n = Json.array(tree, where, "feature").size();
        for (String name : ARRAYS) {
            if (Json.array(tree, where, name).size() != n) {
                throw new ModelArtifactException(where + "." + name + " has " + tree.get(name).size() + " nodes, feature has " + n);
            }
        }
        int[] feature = ints(tree.get("feature"), where + ".feature");
        int[] left = ints(tree.get("left"), where + ".left");
        int[] right = ints(tree.get("right"), where + ".right");
        int[] samples = ints(tree.get("samples"), where + ".samples");
        float[] split = new float[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            split[i] = float32(tree.get("split").get(i), where + ".split[" + i + "]");
            value[i] = Json.number(tree.get("value").get(i), where + ".value[" + i + "]");
        }
        try {
            return IsolationTree.of(featureCount, feature, split, left, right, samples, value);
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("structure: tree " + index + ": " + e.getMessage(), e);
        }
    }

    private static int[] ints(JsonNode a, String where) throws ModelArtifactException {
        int[] out = new int[a.size()];
        for (int i = 0; i < out.length; i++) out[i] = Json.int32(a.get(i), where + "[" + i + "]");
        return out;
    }

    /** Split values are float32 by definition: a number no float32 equals is a corrupt file, not a rounding. */
    private static float float32(JsonNode n, String where) throws ModelArtifactException {
        double v = Json.number(n, where);
        float f = (float) v;
        if (f != v) throw new ModelArtifactException(where + " = " + v + " is not a float32 value");
        return f;
    }
}

package dev.riskplatform.core.forest.tree;

/**
 * Grows one isolation tree on ψ sampled rows, as scikit-learn's ExtraTreeRegressor with the
 * random splitter does for IsolationForest: at each node pick features in random order until
 * one is not constant, split uniformly between its min and max, stop at max depth or one sample.
 * Works on float32 columns because sklearn casts X to float32 before fitting and scoring.
 */
public final class TreeBuilder {

    private final float[][] cols;   // cols[f][k] = (float) x of the k-th sampled row
    private final int maxDepth;
    private final SplitMix64 rng;
    private final int[] order;      // feature draw order, reshuffled per node
    private final int[] idx;        // sample positions, partitioned in place
    private int nodes;
    private final int[] feature;
    private final float[] split;
    private final int[] left;
    private final int[] right;
    private final int[] samples;
    private final double[] value;

    private TreeBuilder(float[][] cols, int maxDepth, SplitMix64 rng) {
        this.cols = cols;
        this.maxDepth = maxDepth;
        this.rng = rng;
        int m = cols[0].length;
        int cap = 2 * m - 1; // a binary tree with m leaves has at most 2m - 1 nodes
        order = new int[cols.length];
        idx = new int[m];
        for (int k = 0; k < m; k++) idx[k] = k;
        feature = new int[cap];
        split = new float[cap];
        left = new int[cap];
        right = new int[cap];
        samples = new int[cap];
        value = new double[cap];
    }

    /** Gathers the sampled rows of a row-major matrix into float32 columns and grows a tree. */
    public static IsolationTree grow(double[] rows, int d, int[] sample, int maxDepth, SplitMix64 rng) {
        float[][] cols = new float[d][sample.length];
        for (int k = 0; k < sample.length; k++) {
            int base = sample[k] * d;
            for (int f = 0; f < d; f++) cols[f][k] = (float) rows[base + f];
        }
        TreeBuilder b = new TreeBuilder(cols, maxDepth, rng);
        b.build(0, sample.length, 0);
        return b.toTree();
    }

    /** Preorder: a node's id is taken before its subtrees, so child ids are always larger. */
    private int build(int from, int to, int depth) {
        int id = nodes++;
        samples[id] = to - from;
        left[id] = -1;
        right[id] = -1;
        int f = depth < maxDepth && to - from > 1 ? pickFeature(from, to) : -1;
        if (f < 0) {
            feature[id] = IsolationTree.LEAF;
            value[id] = PathLength.leafValue(depth, to - from);
            return id;
        }
        float s = drawSplit(f, from, to);
        int mid = partition(cols[f], from, to, s);
        feature[id] = f;
        split[id] = s;
        left[id] = build(from, mid, depth + 1);
        right[id] = build(mid, to, depth + 1);
        return id;
    }

    /** A random non-constant feature, or -1 if every feature is constant here. */
    private int pickFeature(int from, int to) {
        int d = order.length;
        for (int f = 0; f < d; f++) order[f] = f;
        for (int k = 0; k < d; k++) {
            int j = k + rng.nextInt(d - k);
            int f = order[j];
            order[j] = order[k];
            order[k] = f;
            if (!isConstant(cols[f], from, to)) return f;
        }
        return -1;
    }

    private boolean isConstant(float[] c, int from, int to) {
        float first = c[idx[from]];
        for (int k = from + 1; k < to; k++) {
            if (c[idx[k]] != first) return false;
        }
        return true;
    }

    /**
     * Uniform t in [min, max), rounded down to float32. Rounding down keeps the comparison
     * exact ({@code x <= t} iff {@code x <= float(t)} for float x) and keeps t < max,
     * so both children get at least one sample.
     */
    private float drawSplit(int f, int from, int to) {
        float[] c = cols[f];
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (int k = from; k < to; k++) {
            float v = c[idx[k]];
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double t = min + rng.nextDouble() * ((double) max - min);
        return PathLength.roundDownToFloat(t);
    }

    /** Moves rows with c <= s to the front; returns the first index of the right part. */
    private int partition(float[] c, int from, int to, float s) {
        int i = from;
        int j = to - 1;
        while (i <= j) {
            if (c[idx[i]] <= s) {
                i++;
            } else {
                int tmp = idx[i];
                idx[i] = idx[j];
                idx[j--] = tmp;
            }
        }
        return i;
    }

    private IsolationTree toTree() {
        return IsolationTree.trusted(java.util.Arrays.copyOf(feature, nodes), java.util.Arrays.copyOf(split, nodes),
                java.util.Arrays.copyOf(left, nodes), java.util.Arrays.copyOf(right, nodes),
                java.util.Arrays.copyOf(samples, nodes), java.util.Arrays.copyOf(value, nodes));
    }
}

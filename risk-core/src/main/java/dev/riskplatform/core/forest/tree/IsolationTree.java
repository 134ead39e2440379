package dev.riskplatform.core.forest.tree;

import java.util.Arrays;

/**
 * One isolation tree in explicit form, nodes in preorder as scikit-learn stores them.
 * Node i is a leaf when {@code feature[i] == LEAF}; otherwise a row goes left when
 * {@code (float) x[feature[i]] <= split[i]} and right otherwise (NaN goes right).
 * {@code value[i]} of a leaf is its path length depth + c(samples). This is the canonical,
 * validated form; {@code MaskForest} is the fast layout derived from it.
 */
public final class IsolationTree {

    public static final int LEAF = -1;

    private final int[] feature;
    private final float[] split;
    private final int[] left;
    private final int[] right;
    private final int[] samples;
    private final double[] value;

    private IsolationTree(int[] feature, float[] split, int[] left, int[] right, int[] samples, double[] value) {
        this.feature = feature;
        this.split = split;
        this.left = left;
        this.right = right;
        this.samples = samples;
        this.value = value;
    }

    /**
     * Copies and validates the arrays: they must form one tree rooted at node 0 whose child
     * links point forward only, each node reached exactly once, with finite values.
     *
     * @throws IllegalArgumentException naming the first broken node
     */
    public static IsolationTree of(int featureCount, int[] feature, float[] split, int[] left, int[] right,
                                   int[] samples, double[] value) {
        IsolationTree t = new IsolationTree(feature.clone(), split.clone(), left.clone(), right.clone(),
                samples.clone(), value.clone());
        TreeValidator.validate(t, featureCount);
        return t;
    }

    /** For the builder, whose arrays are fresh and valid by construction. */
    static IsolationTree trusted(int[] feature, float[] split, int[] left, int[] right, int[] samples, double[] value) {
        return new IsolationTree(feature, split, left, right, samples, value);
    }

    public int nodeCount() {
        return feature.length;
    }

    public int feature(int node) {
        return feature[node];
    }

    public float split(int node) {
        return split[node];
    }

    public int left(int node) {
        return left[node];
    }

    public int right(int node) {
        return right[node];
    }

    public int samples(int node) {
        return samples[node];
    }

    public double value(int node) {
        return value[node];
    }

    public boolean isLeaf(int node) {
        return feature[node] == LEAF;
    }

    /** The leaf a float32 row lands in. */
    public int leafOf(float[] x) {
        int i = 0;
        while (feature[i] != LEAF) {
            i = x[feature[i]] <= split[i] ? left[i] : right[i];
        }
        return i;
    }

    /** Depth of the deepest leaf (root = 0). */
    public int depth() {
        int[] d = new int[feature.length];
        int max = 0;
        for (int i = 0; i < feature.length; i++) {
            if (feature[i] == LEAF) {
                max = Math.max(max, d[i]);
            } else {
                d[left[i]] = d[i] + 1;
                d[right[i]] = d[i] + 1;
            }
        }
        return max;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IsolationTree t && Arrays.equals(feature, t.feature) && Arrays.equals(split, t.split)
                && Arrays.equals(left, t.left) && Arrays.equals(right, t.right)
                && Arrays.equals(samples, t.samples) && Arrays.equals(value, t.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(feature) + Arrays.hashCode(split);
    }
}

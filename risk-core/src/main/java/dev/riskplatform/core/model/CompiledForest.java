package dev.riskplatform.core.model;

import java.util.List;

/**
 * The scoring layout: every tree padded to a complete binary tree of the forest's depth D and
 * stored heap-style in flat arrays shared by all trees (node p's children are 2p+1 and 2p+2).
 * No child pointers to load and exactly D steps per tree, so the descent is branch-free
 * ({@code p = 2p + 1 + (x > split)}) and several walks can be interleaved: their loads are
 * independent, which is what lets the CPU overlap them. A leaf of the explicit tree that sits
 * above depth D copies its value to every padded slot beneath it, so padding splits never matter.
 * For ψ = 256 (D = 8) one tree takes 255 × 5 bytes of nodes + 256 × 8 bytes of leaves.
 */
final class CompiledForest {

    /** Deeper forests (ψ > 4096) would pad to megabytes per tree: score them on the explicit trees. */
    static final int MAX_DEPTH = 12;
    /** Rows walked together through one tree by the batch kernel. */
    static final int BLOCK = 16;
    /** Trees walked together for one row by the single-row kernel. */
    static final int LANES = 4;

    private final int d;
    private final int depth;
    private final int trees;
    private final int inner;      // 2^D - 1 internal slots per tree
    private final byte[] feature; // [tree * inner + p]
    private final float[] split;
    private final double[] leaf;  // [tree * (inner + 1) + p - inner] for leaf slots p

    private CompiledForest(int d, int depth, int trees) {
        this.d = d;
        this.depth = depth;
        this.trees = trees;
        this.inner = (1 << depth) - 1;
        this.feature = new byte[trees * inner];
        this.split = new float[trees * inner];
        this.leaf = new double[trees * (inner + 1)];
    }

    /** The compiled layout, or null when the forest is too deep or too wide for it. */
    static CompiledForest compile(List<IsolationTree> trees, int d) {
        int depth = 0;
        for (IsolationTree t : trees) depth = Math.max(depth, t.depth());
        if (depth > MAX_DEPTH || d > Byte.MAX_VALUE) return null;
        CompiledForest c = new CompiledForest(d, depth, trees.size());
        for (int t = 0; t < trees.size(); t++) c.place(trees.get(t), t, 0, 0, 0);
        return c;
    }

    /** Copies explicit node {@code node} to heap slot {@code p} (at {@code level}) of tree t. */
    private void place(IsolationTree tree, int t, int node, int p, int level) {
        if (level == depth) {
            leaf[t * (inner + 1) + p - inner] = tree.value(node);
            return;
        }
        boolean isLeaf = tree.isLeaf(node);
        feature[t * inner + p] = (byte) (isLeaf ? 0 : tree.feature(node));
        split[t * inner + p] = isLeaf ? 0f : tree.split(node);
        place(tree, t, isLeaf ? node : tree.left(node), 2 * p + 1, level + 1);
        place(tree, t, isLeaf ? node : tree.right(node), 2 * p + 2, level + 1);
    }

    int trees() {
        return trees;
    }

    /** Sum over trees of the path length of one float32 row, LANES trees at a time. */
    double pathSum(float[] x) {
        double acc = 0;
        int t = 0;
        for (; t + LANES <= trees; t += LANES) {
            int b0 = t * inner;
            int b1 = b0 + inner;
            int b2 = b1 + inner;
            int b3 = b2 + inner;
            int p0 = 0;
            int p1 = 0;
            int p2 = 0;
            int p3 = 0;
            for (int level = 0; level < depth; level++) {
                p0 = 2 * p0 + (x[feature[b0 + p0]] <= split[b0 + p0] ? 1 : 2);
                p1 = 2 * p1 + (x[feature[b1 + p1]] <= split[b1 + p1] ? 1 : 2);
                p2 = 2 * p2 + (x[feature[b2 + p2]] <= split[b2 + p2] ? 1 : 2);
                p3 = 2 * p3 + (x[feature[b3 + p3]] <= split[b3 + p3] ? 1 : 2);
            }
            int l0 = t * (inner + 1) - inner;
            acc += leaf[l0 + p0];
            acc += leaf[l0 + (inner + 1) + p1];
            acc += leaf[l0 + 2 * (inner + 1) + p2];
            acc += leaf[l0 + 3 * (inner + 1) + p3];
        }
        for (; t < trees; t++) acc += leaf[t * (inner + 1) - inner + descend(x, 0, t * inner)];
        return acc;
    }

    private int descend(float[] x, int xOff, int base) {
        int p = 0;
        for (int level = 0; level < depth; level++) {
            p = 2 * p + (x[xOff + feature[base + p]] <= split[base + p] ? 1 : 2);
        }
        return p;
    }

    /**
     * Path-length sums of {@code n} row-major rows starting at row {@code from}, BLOCK rows at a
     * time: each tree is walked level by level for the whole block, so the BLOCK loads of one
     * level are independent and the tree's nodes stay in L1 while the block uses them.
     */
    void pathSums(double[] rows, int from, int n, double[] out) {
        float[] xb = new float[BLOCK * d];
        int[] pos = new int[BLOCK];
        double[] acc = new double[BLOCK];
        for (int r0 = 0; r0 < n; r0 += BLOCK) {
            int b = Math.min(BLOCK, n - r0);
            int src = (from + r0) * d;
            for (int k = 0; k < b * d; k++) xb[k] = (float) rows[src + k];
            java.util.Arrays.fill(acc, 0.0);
            for (int t = 0; t < trees; t++) walkBlock(xb, pos, acc, t);
            System.arraycopy(acc, 0, out, r0, b);
        }
    }

    private void walkBlock(float[] xb, int[] pos, double[] acc, int t) {
        int base = t * inner;
        java.util.Arrays.fill(pos, 0);
        for (int level = 0; level < depth; level++) {
            for (int r = 0; r < BLOCK; r++) {
                int p = pos[r];
                pos[r] = 2 * p + (xb[r * d + feature[base + p]] <= split[base + p] ? 1 : 2);
            }
        }
        int lb = t * (inner + 1) - inner;
        for (int r = 0; r < BLOCK; r++) acc[r] += leaf[lb + pos[r]];
    }
}

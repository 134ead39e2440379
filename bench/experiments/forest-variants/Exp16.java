package dev.riskplatform.core.model;

import java.util.List;

/**
 * The scoring layout. Every tree is padded to a complete binary tree of the forest's depth D and
 * stored heap-style (node p's children are 2p+1 and 2p+2), so there are no child pointers to load
 * and every walk is exactly D steps. A node is one long: the split as an order-preserving int key
 * in the high half and the feature in the low half, one load per step. Rows are converted to the
 * same keys once, so the descent is integer arithmetic without branches:
 * {@code p = 2p + 1 + (key(x) > key(split))}. A leaf of the explicit tree above depth D copies its
 * value to every padded slot beneath it, so padding splits never matter.
 *
 * <p>Batches are scored a chunk of rows at a time, tree by tree: one tree (255 nodes + 256 leaves
 * for ψ = 256, 4 KB) stays in L1 while the chunk's rows stream past it, and 8 rows descend
 * together in registers, so the 8 steps of a level are independent and the CPU overlaps them
 * (a plain row-by-row walk is one long chain of dependent loads). One row walks all trees a
 * level at a time for the same reason.
 */
public final class Exp16 {

    /** Deeper forests (ψ > 4096) would pad to megabytes per tree: score them on the explicit trees. */
    static final int MAX_DEPTH = 12;
    /** Rows per chunk: their keys (16 B each for 4 features) and sums stay in L1/L2 across trees. */
    static final int CHUNK = 1024;

    private final int d;
    private final int depth;
    private final int trees;
    private final int inner;     // 2^D - 1 internal slots per tree
    private final long[] node;   // [tree * inner + p] = key(split) << 32 | feature
    private final double[] leaf; // [tree * (inner + 1) + p - inner] for leaf slots p

    private Exp16(int d, int depth, int trees) {
        this.d = d;
        this.depth = depth;
        this.trees = trees;
        this.inner = (1 << depth) - 1;
        this.node = new long[trees * inner];
        this.leaf = new double[trees * (inner + 1)];
    }

    /** The compiled layout, or null when the forest is too deep for it. */
    static Exp16 compile(List<IsolationTree> trees, int d) {
        int depth = 0;
        for (IsolationTree t : trees) depth = Math.max(depth, t.depth());
        if (depth > MAX_DEPTH) return null;
        Exp16 c = new Exp16(d, depth, trees.size());
        for (int t = 0; t < trees.size(); t++) c.place(trees.get(t), t, 0, 0, 0);
        return c;
    }

    /** Copies explicit node {@code n} to heap slot {@code p} (at {@code level}) of tree t. */
    private void place(IsolationTree tree, int t, int n, int p, int level) {
        if (level == depth) {
            leaf[t * (inner + 1) + p - inner] = tree.value(n);
            return;
        }
        boolean isLeaf = tree.isLeaf(n);
        // -0.0 == 0.0 as floats but not as keys: splits use +0.0 so that x = 0.0 still goes left.
        float s = isLeaf || tree.split(n) == 0f ? 0f : tree.split(n);
        node[t * inner + p] = (long) key(s) << 32 | (isLeaf ? 0 : tree.feature(n));
        place(tree, t, isLeaf ? n : tree.left(n), 2 * p + 1, level + 1);
        place(tree, t, isLeaf ? n : tree.right(n), 2 * p + 2, level + 1);
    }

    /**
     * An int with the order of the float: key(a) <= key(b) iff a <= b for non-NaN a, b (except
     * -0.0 vs +0.0, handled above). Negative floats get their magnitude bits flipped. NaN is
     * canonicalised by floatToIntBits to the largest key, so it goes right as in {@code x <= s}.
     */
    static int key(float f) {
        int b = Float.floatToIntBits(f);
        return b ^ ((b >> 31) & 0x7FFFFFFF);
    }

    /** One branch-free step from slot p; o is the row's offset in the key array. */
    private int step(int base, int p, int[] xk, int o) {
        long n = node[base + p];
        int kx = xk[o + (int) n];
        // key(x) > key(split) iff x > split: go right (C2 turns this into a cmov/setcc, no branch)
        return 2 * p + (kx > (int) (n >> 32) ? 2 : 1);
    }

    /**
     * Sum over trees of the path lengths of one row. One row cannot keep the forest in L1, so each
     * step waits on an L2 load: 8 trees descend together in registers so that 8 independent loads
     * overlap, instead of one dependent chain per tree (and nothing is allocated per tree).
     */
    double pathSum(double[] row) {
        int[] xk = new int[d];
        for (int f = 0; f < d; f++) xk[f] = key((float) row[f]);
        double acc = 0;
        int t = 0;
        for (; t + 8 <= trees; t += 8) {
            int b = t * inner;
            int p0 = 0;
            int p1 = 0;
            int p2 = 0;
            int p3 = 0;
            int p4 = 0;
            int p5 = 0;
            int p6 = 0;
            int p7 = 0;
            for (int level = 0; level < depth; level++) {
                p0 = step(b, p0, xk, 0);
                p1 = step(b + inner, p1, xk, 0);
                p2 = step(b + 2 * inner, p2, xk, 0);
                p3 = step(b + 3 * inner, p3, xk, 0);
                p4 = step(b + 4 * inner, p4, xk, 0);
                p5 = step(b + 5 * inner, p5, xk, 0);
                p6 = step(b + 6 * inner, p6, xk, 0);
                p7 = step(b + 7 * inner, p7, xk, 0);
            }
            int l = t * (inner + 1) - inner;
            int w = inner + 1;
            acc += leaf[l + p0];
            acc += leaf[l + w + p1];
            acc += leaf[l + 2 * w + p2];
            acc += leaf[l + 3 * w + p3];
            acc += leaf[l + 4 * w + p4];
            acc += leaf[l + 5 * w + p5];
            acc += leaf[l + 6 * w + p6];
            acc += leaf[l + 7 * w + p7];
        }
        for (; t < trees; t++) {
            int p = 0;
            for (int level = 0; level < depth; level++) p = step(t * inner, p, xk, 0);
            acc += leaf[t * (inner + 1) - inner + p];
        }
        return acc;
    }

    /** Path-length sums of n row-major rows into out[0..n), trees added in order 0..T-1. */
    void pathSums(double[] rows, int n, double[] out) {
        int[] xk = new int[CHUNK * d];
        for (int c0 = 0; c0 < n; c0 += CHUNK) {
            int m = Math.min(CHUNK, n - c0);
            int src = c0 * d;
            for (int k = 0; k < m * d; k++) xk[k] = key((float) rows[src + k]);
            java.util.Arrays.fill(out, c0, c0 + m, 0.0);
            for (int t = 0; t < trees; t++) walkChunk(t, xk, m, out, c0);
        }
    }

    /** Adds tree t's path length of m rows to acc[off..off+m), 8 rows at a time. */
    private void walkChunk(int t, int[] xk, int m, double[] acc, int off) {
        int base = t * inner;
        int lb = t * (inner + 1) - inner;
        int r = 0;
        for (; r + 8 <= m; r += 8) {
            int o = r * d;
            int p0 = 0;
            int p1 = 0;
            int p2 = 0;
            int p3 = 0;
            int p4 = 0;
            int p5 = 0;
            int p6 = 0;
            int p7 = 0;
            for (int level = 0; level < depth; level++) {
                p0 = step(base, p0, xk, o);
                p1 = step(base, p1, xk, o + d);
                p2 = step(base, p2, xk, o + 2 * d);
                p3 = step(base, p3, xk, o + 3 * d);
                p4 = step(base, p4, xk, o + 4 * d);
                p5 = step(base, p5, xk, o + 5 * d);
                p6 = step(base, p6, xk, o + 6 * d);
                p7 = step(base, p7, xk, o + 7 * d);
            }
            int a = off + r;
            acc[a] += leaf[lb + p0];
            acc[a + 1] += leaf[lb + p1];
            acc[a + 2] += leaf[lb + p2];
            acc[a + 3] += leaf[lb + p3];
            acc[a + 4] += leaf[lb + p4];
            acc[a + 5] += leaf[lb + p5];
            acc[a + 6] += leaf[lb + p6];
            acc[a + 7] += leaf[lb + p7];
        }
        for (; r < m; r++) {
            int p = 0;
            for (int level = 0; level < depth; level++) p = step(base, p, xk, r * d);
            acc[off + r] += leaf[lb + p];
        }
    }

    double pathSum16(double[] row) {
        int[] xk = new int[d];
        for (int f = 0; f < d; f++) xk[f] = key((float) row[f]);
        double acc = 0;
        int t = 0;
        int w = inner + 1;
        for (; t + 16 <= trees; t += 16) {
            int b = t * inner;
            int p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
            int q0 = 0, q1 = 0, q2 = 0, q3 = 0, q4 = 0, q5 = 0, q6 = 0, q7 = 0;
            int c = b + 8 * inner;
            for (int level = 0; level < depth; level++) {
                p0 = step(b, p0, xk, 0); p1 = step(b + inner, p1, xk, 0); p2 = step(b + 2 * inner, p2, xk, 0); p3 = step(b + 3 * inner, p3, xk, 0);
                p4 = step(b + 4 * inner, p4, xk, 0); p5 = step(b + 5 * inner, p5, xk, 0); p6 = step(b + 6 * inner, p6, xk, 0); p7 = step(b + 7 * inner, p7, xk, 0);
                q0 = step(c, q0, xk, 0); q1 = step(c + inner, q1, xk, 0); q2 = step(c + 2 * inner, q2, xk, 0); q3 = step(c + 3 * inner, q3, xk, 0);
                q4 = step(c + 4 * inner, q4, xk, 0); q5 = step(c + 5 * inner, q5, xk, 0); q6 = step(c + 6 * inner, q6, xk, 0); q7 = step(c + 7 * inner, q7, xk, 0);
            }
            int l = t * w - inner;
            acc += leaf[l + p0]; acc += leaf[l + w + p1]; acc += leaf[l + 2 * w + p2]; acc += leaf[l + 3 * w + p3];
            acc += leaf[l + 4 * w + p4]; acc += leaf[l + 5 * w + p5]; acc += leaf[l + 6 * w + p6]; acc += leaf[l + 7 * w + p7];
            l += 8 * w;
            acc += leaf[l + q0]; acc += leaf[l + w + q1]; acc += leaf[l + 2 * w + q2]; acc += leaf[l + 3 * w + q3];
            acc += leaf[l + 4 * w + q4]; acc += leaf[l + 5 * w + q5]; acc += leaf[l + 6 * w + q6]; acc += leaf[l + 7 * w + q7];
        }
        for (; t < trees; t++) {
            int p = 0;
            for (int level = 0; level < depth; level++) p = step(t * inner, p, xk, 0);
            acc += leaf[t * w - inner + p];
        }
        return acc;
    }
}

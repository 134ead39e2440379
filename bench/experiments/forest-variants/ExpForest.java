package dev.riskplatform.core.model;

import java.util.Arrays;
import java.util.List;

/** Experimental SWAR layout: row = 4 x 16-bit ranks in one long; node = (0x7FFF - j) << 16f. */
public final class ExpForest {
    static final long H = 0x8000_8000_8000_8000L;
    final int d, depth, trees, inner;
    final long[] node;
    final double[] leaf;
    final int[][] thr;

    ExpForest(List<IsolationTree> ts, int d) {
        this.d = d;
        int dep = 0;
        for (IsolationTree t : ts) dep = Math.max(dep, t.depth());
        depth = dep; trees = ts.size(); inner = (1 << depth) - 1;
        node = new long[trees * inner];
        leaf = new double[trees * (inner + 1)];
        thr = new int[d][];
        for (int f = 0; f < d; f++) {
            int[] k = new int[0]; int n = 0;
            for (IsolationTree t : ts) for (int i = 0; i < t.nodeCount(); i++) if (!t.isLeaf(i) && t.feature(i) == f) {
                if (n == k.length) k = Arrays.copyOf(k, Math.max(16, 2 * n));
                k[n++] = CompiledForest.key(t.split(i) == 0f ? 0f : t.split(i));
            }
            k = Arrays.copyOf(k, n); Arrays.sort(k);
            int u = 0; for (int i = 0; i < n; i++) if (u == 0 || k[u - 1] != k[i]) k[u++] = k[i];
            thr[f] = Arrays.copyOf(k, u);
            if (u > 0x7FFF) throw new IllegalStateException("too many");
        }
        for (int t = 0; t < trees; t++) place(ts.get(t), t, 0, 0, 0);
    }

    private void place(IsolationTree tree, int t, int n, int p, int level) {
        if (level == depth) { leaf[t * (inner + 1) + p - inner] = tree.value(n); return; }
        boolean isLeaf = tree.isLeaf(n);
        if (!isLeaf) {
            int f = tree.feature(n);
            float s = tree.split(n) == 0f ? 0f : tree.split(n);
            int j = Arrays.binarySearch(thr[f], CompiledForest.key(s));
            node[t * inner + p] = (long) (0x7FFF - j) << (16 * f);
        }
        place(tree, t, isLeaf ? n : tree.left(n), 2 * p + 1, level + 1);
        place(tree, t, isLeaf ? n : tree.right(n), 2 * p + 2, level + 1);
    }

    static int rank(int[] a, int k) { // # elements < k, branch-free
        int lo = 0, n = a.length;
        while (n > 1) { int half = n >>> 1; lo = a[lo + half - 1] < k ? lo + half : lo; n -= half; }
        return n == 1 && a[lo] < k ? lo + 1 : lo;
    }

    long pack(double[] row, int o) {
        long x = 0;
        for (int f = 0; f < d; f++) x |= (long) rank(thr[f], CompiledForest.key((float) row[o + f])) << (16 * f);
        return x;
    }

    private int step(int base, int p, long x) {
        long z = (x + node[base + p]) & H;
        return 2 * p + 1 + (int) (-z >>> 63);
    }
    private int stepT(int base, int p, long x) {
        return 2 * p + (((x + node[base + p]) & H) != 0 ? 2 : 1);
    }

    public double pathSum(double[] row) {
        long x = pack(row, 0);
        double acc = 0;
        int t = 0;
        for (; t + 8 <= trees; t += 8) {
            int b = t * inner;
            int p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
            for (int level = 0; level < depth; level++) {
                p0 = step(b, p0, x); p1 = step(b + inner, p1, x); p2 = step(b + 2 * inner, p2, x); p3 = step(b + 3 * inner, p3, x);
                p4 = step(b + 4 * inner, p4, x); p5 = step(b + 5 * inner, p5, x); p6 = step(b + 6 * inner, p6, x); p7 = step(b + 7 * inner, p7, x);
            }
            int l = t * (inner + 1) - inner, w = inner + 1;
            acc += leaf[l + p0]; acc += leaf[l + w + p1]; acc += leaf[l + 2 * w + p2]; acc += leaf[l + 3 * w + p3];
            acc += leaf[l + 4 * w + p4]; acc += leaf[l + 5 * w + p5]; acc += leaf[l + 6 * w + p6]; acc += leaf[l + 7 * w + p7];
        }
        for (; t < trees; t++) {
            int p = 0;
            for (int level = 0; level < depth; level++) p = step(t * inner, p, x);
            acc += leaf[t * (inner + 1) - inner + p];
        }
        return acc;
    }

    public void pathSums(double[] rows, int n, double[] out, boolean ternary) {
        long[] xs = new long[1024];
        for (int c0 = 0; c0 < n; c0 += 1024) {
            int m = Math.min(1024, n - c0);
            for (int r = 0; r < m; r++) xs[r] = pack(rows, (c0 + r) * d);
            Arrays.fill(out, c0, c0 + m, 0.0);
            for (int t = 0; t < trees; t++) { if (ternary) walkT(t, xs, m, out, c0); else walk(t, xs, m, out, c0); }
        }
    }

    private void walk(int t, long[] xs, int m, double[] acc, int off) {
        int base = t * inner, lb = t * (inner + 1) - inner, r = 0;
        for (; r + 8 <= m; r += 8) {
            long x0 = xs[r], x1 = xs[r + 1], x2 = xs[r + 2], x3 = xs[r + 3], x4 = xs[r + 4], x5 = xs[r + 5], x6 = xs[r + 6], x7 = xs[r + 7];
            int p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
            for (int level = 0; level < depth; level++) {
                p0 = step(base, p0, x0); p1 = step(base, p1, x1); p2 = step(base, p2, x2); p3 = step(base, p3, x3);
                p4 = step(base, p4, x4); p5 = step(base, p5, x5); p6 = step(base, p6, x6); p7 = step(base, p7, x7);
            }
            int a = off + r;
            acc[a] += leaf[lb + p0]; acc[a + 1] += leaf[lb + p1]; acc[a + 2] += leaf[lb + p2]; acc[a + 3] += leaf[lb + p3];
            acc[a + 4] += leaf[lb + p4]; acc[a + 5] += leaf[lb + p5]; acc[a + 6] += leaf[lb + p6]; acc[a + 7] += leaf[lb + p7];
        }
        for (; r < m; r++) {
            int p = 0;
            for (int level = 0; level < depth; level++) p = step(base, p, xs[r]);
            acc[off + r] += leaf[lb + p];
        }
    }
    private void walkT(int t, long[] xs, int m, double[] acc, int off) {
        int base = t * inner, lb = t * (inner + 1) - inner, r = 0;
        for (; r + 8 <= m; r += 8) {
            long x0 = xs[r], x1 = xs[r + 1], x2 = xs[r + 2], x3 = xs[r + 3], x4 = xs[r + 4], x5 = xs[r + 5], x6 = xs[r + 6], x7 = xs[r + 7];
            int p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
            for (int level = 0; level < depth; level++) {
                p0 = stepT(base, p0, x0); p1 = stepT(base, p1, x1); p2 = stepT(base, p2, x2); p3 = stepT(base, p3, x3);
                p4 = stepT(base, p4, x4); p5 = stepT(base, p5, x5); p6 = stepT(base, p6, x6); p7 = stepT(base, p7, x7);
            }
            int a = off + r;
            acc[a] += leaf[lb + p0]; acc[a + 1] += leaf[lb + p1]; acc[a + 2] += leaf[lb + p2]; acc[a + 3] += leaf[lb + p3];
            acc[a + 4] += leaf[lb + p4]; acc[a + 5] += leaf[lb + p5]; acc[a + 6] += leaf[lb + p6]; acc[a + 7] += leaf[lb + p7];
        }
        for (; r < m; r++) {
            int p = 0;
            for (int level = 0; level < depth; level++) p = stepT(base, p, xs[r]);
            acc[off + r] += leaf[lb + p];
        }
    }

    public void pathSumsV(double[] rows, int n, double[] out, int v) {
        long[] xs = new long[1024];
        for (int c0 = 0; c0 < n; c0 += 1024) {
            int m = Math.min(1024, n - c0);
            for (int r = 0; r < m; r++) xs[r] = pack(rows, (c0 + r) * d);
            Arrays.fill(out, c0, c0 + m, 0.0);
            for (int t = 0; t < trees; t++) { if (v == 16) walk16(t, xs, m, out, c0); else walkR(t, xs, m, out, c0); }
        }
    }
    private void walkR(int t, long[] xs, int m, double[] acc, int off) {
        int base = t * inner, lb = t * (inner + 1) - inner, r = 0;
        for (; r + 8 <= m; r += 8) {
            int p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
            for (int level = 0; level < depth; level++) {
                p0 = step(base, p0, xs[r]); p1 = step(base, p1, xs[r + 1]); p2 = step(base, p2, xs[r + 2]); p3 = step(base, p3, xs[r + 3]);
                p4 = step(base, p4, xs[r + 4]); p5 = step(base, p5, xs[r + 5]); p6 = step(base, p6, xs[r + 6]); p7 = step(base, p7, xs[r + 7]);
            }
            int a = off + r;
            acc[a] += leaf[lb + p0]; acc[a + 1] += leaf[lb + p1]; acc[a + 2] += leaf[lb + p2]; acc[a + 3] += leaf[lb + p3];
            acc[a + 4] += leaf[lb + p4]; acc[a + 5] += leaf[lb + p5]; acc[a + 6] += leaf[lb + p6]; acc[a + 7] += leaf[lb + p7];
        }
        for (; r < m; r++) {
            int p = 0;
            for (int level = 0; level < depth; level++) p = step(base, p, xs[r]);
            acc[off + r] += leaf[lb + p];
        }
    }
    private void walk16(int t, long[] xs, int m, double[] acc, int off) {
        int base = t * inner, lb = t * (inner + 1) - inner, r = 0;
        int[] p = new int[16];
        for (; r + 16 <= m; r += 16) {
            Arrays.fill(p, 0);
            for (int level = 0; level < depth; level++) {
                for (int k = 0; k < 16; k++) p[k] = step(base, p[k], xs[r + k]);
            }
            for (int k = 0; k < 16; k++) acc[off + r + k] += leaf[lb + p[k]];
        }
        for (; r < m; r++) {
            int q = 0;
            for (int level = 0; level < depth; level++) q = step(base, q, xs[r]);
            acc[off + r] += leaf[lb + q];
        }
    }
}

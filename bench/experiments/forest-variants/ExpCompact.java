package dev.riskplatform.core.model;

import java.util.List;

/** Compact BFS trees; node long = child << 52 | (4095 - j) << 13f; row = sum rank_f << 13f; leaves loop to themselves. */
public final class ExpCompact {
    static final long H = 1L << 12 | 1L << 25 | 1L << 38 | 1L << 51;
    final int d, depth, trees;
    final int[] start;
    final long[] node;
    final double[] value;
    final int[][] thr;

    ExpCompact(List<IsolationTree> ts, ExpForest e) {
        d = e.d; depth = e.depth; trees = ts.size(); thr = e.thr;
        for (int[] t : thr) if (t.length > 4095) throw new IllegalStateException();
        start = new int[trees + 1];
        for (int t = 0; t < trees; t++) start[t + 1] = start[t] + ts.get(t).nodeCount();
        node = new long[start[trees]];
        value = new double[start[trees]];
        for (int t = 0; t < trees; t++) bfs(ts.get(t), start[t]);
    }

    private void bfs(IsolationTree tr, int base) {
        int n = tr.nodeCount();
        int[] q = new int[n];
        int head = 0, tail = 1, next = 1;
        q[0] = 0;
        while (head < tail) {
            int src = q[head];
            int me = head++;
            if (tr.isLeaf(src)) {
                node[base + me] = (long) me << 52;
                value[base + me] = tr.value(src);
            } else {
                int f = tr.feature(src);
                float s = tr.split(src) == 0f ? 0f : tr.split(src);
                int j = java.util.Arrays.binarySearch(thr[f], CompiledForest.key(s));
                node[base + me] = (long) next << 52 | (long) (4095 - j) << (13 * f);
                q[tail++] = tr.left(src);
                q[tail++] = tr.right(src);
                next += 2;
            }
        }
    }

    long pack(double[] row, int o) {
        long x = 0;
        for (int f = 0; f < d; f++) x |= (long) ExpForest.rank(thr[f], CompiledForest.key((float) row[o + f])) << (13 * f);
        return x;
    }

    private int step(int base, int p, long x) {
        long y = x + node[base + p];
        return (int) (y >>> 52) + (int) (-(y & H) >>> 63);
    }

    public double pathSum(double[] row) {
        long x = pack(row, 0);
        double acc = 0;
        int t = 0;
        for (; t + 8 <= trees; t += 8) {
            int b0 = start[t], b1 = start[t + 1], b2 = start[t + 2], b3 = start[t + 3], b4 = start[t + 4], b5 = start[t + 5], b6 = start[t + 6], b7 = start[t + 7];
            int p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
            for (int level = 0; level < depth; level++) {
                p0 = step(b0, p0, x); p1 = step(b1, p1, x); p2 = step(b2, p2, x); p3 = step(b3, p3, x);
                p4 = step(b4, p4, x); p5 = step(b5, p5, x); p6 = step(b6, p6, x); p7 = step(b7, p7, x);
            }
            acc += value[b0 + p0]; acc += value[b1 + p1]; acc += value[b2 + p2]; acc += value[b3 + p3];
            acc += value[b4 + p4]; acc += value[b5 + p5]; acc += value[b6 + p6]; acc += value[b7 + p7];
        }
        for (; t < trees; t++) {
            int p = 0;
            for (int level = 0; level < depth; level++) p = step(start[t], p, x);
            acc += value[start[t] + p];
        }
        return acc;
    }

    public void pathSums(double[] rows, int n, double[] out) {
        long[] xs = new long[1024];
        for (int c0 = 0; c0 < n; c0 += 1024) {
            int m = Math.min(1024, n - c0);
            for (int r = 0; r < m; r++) xs[r] = pack(rows, (c0 + r) * d);
            java.util.Arrays.fill(out, c0, c0 + m, 0.0);
            for (int t = 0; t < trees; t++) walk(start[t], xs, m, out, c0);
        }
    }

    private void walk(int base, long[] xs, int m, double[] acc, int off) {
        int r = 0;
        for (; r + 8 <= m; r += 8) {
            long x0 = xs[r], x1 = xs[r + 1], x2 = xs[r + 2], x3 = xs[r + 3], x4 = xs[r + 4], x5 = xs[r + 5], x6 = xs[r + 6], x7 = xs[r + 7];
            int p0 = 0, p1 = 0, p2 = 0, p3 = 0, p4 = 0, p5 = 0, p6 = 0, p7 = 0;
            for (int level = 0; level < depth; level++) {
                p0 = step(base, p0, x0); p1 = step(base, p1, x1); p2 = step(base, p2, x2); p3 = step(base, p3, x3);
                p4 = step(base, p4, x4); p5 = step(base, p5, x5); p6 = step(base, p6, x6); p7 = step(base, p7, x7);
            }
            int a = off + r;
            acc[a] += value[base + p0]; acc[a + 1] += value[base + p1]; acc[a + 2] += value[base + p2]; acc[a + 3] += value[base + p3];
            acc[a + 4] += value[base + p4]; acc[a + 5] += value[base + p5]; acc[a + 6] += value[base + p6]; acc[a + 7] += value[base + p7];
        }
        for (; r < m; r++) {
            int p = 0;
            for (int level = 0; level < depth; level++) p = step(base, p, xs[r]);
            acc[off + r] += value[base + p];
        }
    }
}

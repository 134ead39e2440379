package dev.riskplatform.core.model;

import java.util.Arrays;
import jdk.incubator.vector.*;

public final class ExpVec {
    static final VectorSpecies<Long> LS = LongVector.SPECIES_512;
    static final VectorSpecies<Integer> IS = IntVector.SPECIES_256;
    static final VectorSpecies<Double> DS = DoubleVector.SPECIES_512;
    final ExpForest e;
    ExpVec(ExpForest e) { this.e = e; }

    public void pathSums(double[] rows, int n, double[] out) {
        long[] xs = new long[1024];
        int[] idx = new int[8];
        int d = e.d;
        for (int c0 = 0; c0 < n; c0 += 1024) {
            int m = Math.min(1024, n - c0);
            for (int r = 0; r < m; r++) xs[r] = e.pack(rows, (c0 + r) * d);
            Arrays.fill(out, c0, c0 + m, 0.0);
            for (int t = 0; t < e.trees; t++) walk(t, xs, m, out, c0, idx);
        }
    }

    private void walk(int t, long[] xs, int m, double[] acc, int off, int[] idx) {
        int base = t * e.inner, lb = t * (e.inner + 1) - e.inner;
        long[] node = e.node;
        int r = 0;
        IntVector one = IntVector.broadcast(IS, 1);
        for (; r + 8 <= m; r += 8) {
            LongVector x = LongVector.fromArray(LS, xs, r);
            IntVector p = IntVector.zero(IS);
            p.intoArray(idx, 0);
            for (int level = 0; level < e.depth; level++) {
                LongVector nv = LongVector.fromArray(LS, node, base, idx, 0);
                VectorMask<Long> right = x.add(nv).and(ExpForest.H).compare(VectorOperators.NE, 0L);
                p = p.add(p).add(one).add(one, right.cast(IS));
                p.intoArray(idx, 0);
            }
            DoubleVector lv = DoubleVector.fromArray(DS, e.leaf, lb, idx, 0);
            DoubleVector.fromArray(DS, acc, off + r).add(lv).intoArray(acc, off + r);
        }
        for (; r < m; r++) {
            int p = 0;
            for (int level = 0; level < e.depth; level++) p = 2 * p + 1 + (int) (-((xs[r] + node[base + p]) & ExpForest.H) >>> 63);
            acc[off + r] += e.leaf[lb + p];
        }
    }
}

package dev.riskplatform.core.model;

import java.util.Arrays;
import jdk.incubator.vector.*;

public final class ExpVecI {
    static final VectorSpecies<Integer> IS = IntVector.SPECIES_512;
    final ExpForest e;
    final int[] nodeI;
    ExpVecI(ExpForest e) {
        this.e = e;
        nodeI = new int[e.node.length];
        for (int i = 0; i < nodeI.length; i++) {
            long n = e.node[i];
            if (n == 0) { nodeI[i] = 0x7FFF; continue; } // padding: j large → left (rank ≤ 0x7FFF... ok as all ranks < 0x7FFF)
            int f = (63 - Long.numberOfLeadingZeros(n)) / 16;
            int j = 0x7FFF - (int) (n >>> (16 * f));
            nodeI[i] = j | f << 16;
        }
    }

    public void pathSums(double[] rows, int n, double[] out) {
        int[][] cols = new int[4][1024];
        int[] idx = new int[64];
        double[] lv = new double[16];
        int d = e.d;
        for (int c0 = 0; c0 < n; c0 += 1024) {
            int m = Math.min(1024, n - c0);
            for (int r = 0; r < m; r++) { long x = e.pack(rows, (c0 + r) * d); for (int f = 0; f < 4; f++) cols[f][r] = (int) (x >>> (16 * f)) & 0xFFFF; }
            Arrays.fill(out, c0, c0 + m, 0.0);
            for (int t = 0; t < e.trees; t++) walk(t, cols, m, out, c0, idx);
        }
    }

    private IntVector step(int base, IntVector p, IntVector x0, IntVector x1, IntVector x2, IntVector x3, int[] idx, int o) {
        p.intoArray(idx, o);
        IntVector nv = IntVector.fromArray(IS, nodeI, base, idx, o);
        IntVector f = nv.lanewise(VectorOperators.LSHR, 16);
        IntVector j = nv.and(0xFFFF);
        IntVector rx = x0.blend(x1, f.eq(1)).blend(x2, f.eq(2)).blend(x3, f.eq(3));
        return p.add(p).add(1).add(IntVector.broadcast(IS, 1), rx.compare(VectorOperators.GT, j));
    }
    private void walk(int t, int[][] cols, int m, double[] acc, int off, int[] idx) {
        int base = t * e.inner, lb = t * (e.inner + 1) - e.inner;
        int r = 0;
        for (; r + 64 <= m; r += 64) {
            // four blocks of 16 rows, interleaved level by level
            IntVector[] x = new IntVector[16];
            for (int b = 0; b < 4; b++) for (int f = 0; f < 4; f++) x[b * 4 + f] = IntVector.fromArray(IS, cols[f], r + 16 * b);
            IntVector p0 = IntVector.zero(IS), p1 = p0, p2 = p0, p3 = p0;
            for (int level = 0; level < e.depth; level++) {
                p0 = step(base, p0, x[0], x[1], x[2], x[3], idx, 0);
                p1 = step(base, p1, x[4], x[5], x[6], x[7], idx, 16);
                p2 = step(base, p2, x[8], x[9], x[10], x[11], idx, 32);
                p3 = step(base, p3, x[12], x[13], x[14], x[15], idx, 48);
            }
            p0.intoArray(idx, 0); p1.intoArray(idx, 16); p2.intoArray(idx, 32); p3.intoArray(idx, 48);
            for (int k = 0; k < 64; k++) acc[off + r + k] += e.leaf[lb + idx[k]];
        }
        for (; r < m; r++) {
            int p = 0;
            for (int level = 0; level < e.depth; level++) { int nn = nodeI[base + p]; p = 2 * p + 1 + (cols[nn >>> 16][r] > (nn & 0xFFFF) ? 1 : 0); }
            acc[off + r] += e.leaf[lb + p];
        }
    }
}

package dev.riskplatform.core.model;

import java.util.Arrays;
import java.util.Random;

/** Paired rounds: current layout vs packed ranks (batch) and vs compact trees (single row); median of per-round ratios. */
public final class ExpPaired {
    public static void main(String[] a) {
        int n = 1_000_000, d = 4, rounds = a.length > 0 ? Integer.parseInt(a[0]) : 9;
        Random r = new Random(2026);
        double[] data = new double[n * d];
        for (int i = 0; i < data.length; i++) data[i] = r.nextGaussian();
        IsolationForest m = IsolationForest.fit(data, d, new IsolationForest.Params(100, 256, 42));
        ExpForest e = new ExpForest(m.trees(), d);
        ExpCompact cp = new ExpCompact(m.trees(), e);
        Exp16 c = Exp16.compile(m.trees(), d);
        double[] out = new double[n];
        double[][] rows = new double[4096][d];
        for (int k = 0; k < rows.length; k++) System.arraycopy(data, k * 241 * d, rows[k], 0, d);
        double[] sink = new double[1];
        double[] batchRatio = new double[rounds], swarSingle = new double[rounds], compactSingle = new double[rounds];
        for (int k = 0; k < rounds; k++) {
            long base = ExpMain.median(5, 2, () -> m.score(data, n, out));
            long swar = ExpMain.median(5, 2, () -> e.pathSums(data, n, out, false));
            long s8 = ExpMain.median(15, 5, () -> { for (int i = 0; i < 100_000; i++) sink[0] += c.pathSum(rows[i & 4095]); });
            long sw = ExpMain.median(15, 5, () -> { for (int i = 0; i < 100_000; i++) sink[0] += e.pathSum(rows[i & 4095]); });
            long sc = ExpMain.median(15, 5, () -> { for (int i = 0; i < 100_000; i++) sink[0] += cp.pathSum(rows[i & 4095]); });
            batchRatio[k] = (double) base / swar;
            swarSingle[k] = (double) s8 / sw;
            compactSingle[k] = (double) s8 / sc;
            System.out.printf("round %d: batch current %.2f / packed %.2f M rows/s; single path sum current %.0f / packed %.0f / compact %.0f ns%n",
                    k, n / (base / 1e3), n / (swar / 1e3), s8 / 1e5, sw / 1e5, sc / 1e5);
        }
        System.out.printf("median speed-up, packed ranks batch: %.3f; single packed: %.3f; single compact: %.3f  [%.1f]%n",
                med(batchRatio), med(swarSingle), med(compactSingle), sink[0]);
    }

    private static double med(double[] x) {
        double[] s = x.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}

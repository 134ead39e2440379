package dev.riskplatform.core.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

public final class ExpMain {
    static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();
    public static void main(String[] a) {
        int n = 1_000_000, d = 4;
        Random r = new Random(2026);
        double[] data = new double[n * d];
        for (int i = 0; i < data.length; i++) data[i] = r.nextGaussian();
        IsolationForest m = IsolationForest.fit(data, d, new IsolationForest.Params(100, 256, 42));
        ExpForest e = new ExpForest(m.trees(), d);
        for (int f = 0; f < d; f++) System.out.println("feature " + f + " distinct splits " + e.thr[f].length);
        // avg leaf depth over data
        long depthSum = 0; float[] x = new float[d];
        for (int i = 0; i < 100_000; i++) { for (int f = 0; f < d; f++) x[f] = (float) data[i * d + f];
            for (IsolationTree t : m.trees()) { int k = 0, dep = 0; while (!t.isLeaf(k)) { k = x[t.feature(k)] <= t.split(k) ? t.left(k) : t.right(k); dep++; } depthSum += dep; } }
        System.out.printf("avg leaf depth over data rows: %.3f%n", depthSum / 100_000.0 / m.trees().size());
        double negInv = -1.0 / (100 * PathLength.average(256));
        double[] ref = new double[n]; m.score(data, n, ref);
        double[] out = new double[n];
        e.pathSums(data, n, out, false);
        for (int i = 0; i < n; i++) if (Double.doubleToLongBits(Math.pow(2.0, out[i] * negInv)) != Double.doubleToLongBits(ref[i])) throw new AssertionError("batch mismatch " + i);
        for (int i = 0; i < n; i += 97) if (Double.doubleToLongBits(Math.pow(2.0, e.pathSum(Arrays.copyOfRange(data, i * d, i * d + d)) * negInv)) != Double.doubleToLongBits(ref[i])) throw new AssertionError("single mismatch " + i);
        ExpCompact cp = new ExpCompact(m.trees(), e);
        cp.pathSums(data, n, out);
        for (int i = 0; i < n; i++) if (Double.doubleToLongBits(Math.pow(2.0, out[i] * negInv)) != Double.doubleToLongBits(ref[i])) throw new AssertionError("compact batch mismatch " + i);
        for (int i = 0; i < n; i += 97) if (Double.doubleToLongBits(Math.pow(2.0, cp.pathSum(Arrays.copyOfRange(data, i * d, i * d + d)) * negInv)) != Double.doubleToLongBits(ref[i])) throw new AssertionError("compact single mismatch " + i);
        System.out.println("bit-identical; compact nodes " + cp.node.length);
        String which = a.length > 0 ? a[0] : "all";
        double[][] rows = new double[4096][d];
        for (int k = 0; k < rows.length; k++) System.arraycopy(data, k * 241 * d, rows[k], 0, d);
        double[] sink = new double[1];
        for (int rep = 0; rep < 3; rep++) {
            if (which.contains("base") || which.equals("all")) {
                System.out.printf("base batch %.2f M rows/s%n", n / (median(9, 3, () -> m.score(data, n, out)) / 1e9) / 1e6);
                System.out.printf("base single %.0f ns%n", median(30, 10, () -> { for (int k = 0; k < 100_000; k++) sink[0] += m.score(rows[k & 4095]); }) / 1e5);
            }
            if (which.contains("compact")) {
                System.out.printf("base batch %.2f M rows/s%n", n / (median(9, 3, () -> m.score(data, n, out)) / 1e9) / 1e6);
                System.out.printf("compact batch %.2f M rows/s%n", n / (median(9, 3, () -> cp.pathSums(data, n, out)) / 1e9) / 1e6);
                System.out.printf("base single %.0f ns%n", median(30, 10, () -> { for (int k = 0; k < 100_000; k++) sink[0] += m.score(rows[k & 4095]); }) / 1e5);
                System.out.printf("swar single %.0f ns%n", median(30, 10, () -> { for (int k = 0; k < 100_000; k++) sink[0] += e.pathSum(rows[k & 4095]); }) / 1e5);
                System.out.printf("compact single %.0f ns%n", median(30, 10, () -> { for (int k = 0; k < 100_000; k++) sink[0] += cp.pathSum(rows[k & 4095]); }) / 1e5);
            }
            if (which.contains("lanes")) {
                System.out.printf("base batch %.2f M rows/s%n", n / (median(9, 3, () -> m.score(data, n, out)) / 1e9) / 1e6);
                System.out.printf("swar8 batch %.2f M rows/s%n", n / (median(9, 3, () -> e.pathSums(data, n, out, false)) / 1e9) / 1e6);
                System.out.printf("swar8reload batch %.2f M rows/s%n", n / (median(9, 3, () -> e.pathSumsV(data, n, out, 8)) / 1e9) / 1e6);
                System.out.printf("swar16arr batch %.2f M rows/s%n", n / (median(9, 3, () -> e.pathSumsV(data, n, out, 16)) / 1e9) / 1e6);
            }
            if (which.contains("swar") || which.equals("all")) {
                System.out.printf("swar batch %.2f M rows/s%n", n / (median(9, 3, () -> e.pathSums(data, n, out, false)) / 1e9) / 1e6);
                System.out.printf("swarT batch %.2f M rows/s%n", n / (median(9, 3, () -> e.pathSums(data, n, out, true)) / 1e9) / 1e6);
                System.out.printf("swar single %.0f ns%n", median(30, 10, () -> { for (int k = 0; k < 100_000; k++) sink[0] += e.pathSum(rows[k & 4095]); }) / 1e5);
            }
        }
        System.out.println(sink[0]);
    }
    static long median(int runs, int warmup, Runnable task) {
        for (int k = 0; k < warmup; k++) task.run();
        long[] t = new long[runs];
        for (int k = 0; k < runs; k++) { long c0 = MX.getCurrentThreadCpuTime(); task.run(); t[k] = MX.getCurrentThreadCpuTime() - c0; }
        Arrays.sort(t); return t[runs / 2];
    }
}

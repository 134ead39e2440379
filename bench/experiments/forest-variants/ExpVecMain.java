package dev.riskplatform.core.model;

import java.util.Random;

public final class ExpVecMain {
    public static void main(String[] a) {
        int n = 1_000_000, d = 4;
        Random r = new Random(2026);
        double[] data = new double[n * d];
        for (int i = 0; i < data.length; i++) data[i] = r.nextGaussian();
        IsolationForest m = IsolationForest.fit(data, d, new IsolationForest.Params(100, 256, 42));
        ExpForest e = new ExpForest(m.trees(), d);
        var v = a.length > 0 ? new ExpVecI(e) : null; var v0 = new ExpVec(e);
        double negInv = -1.0 / (100 * PathLength.average(256));
        double[] ref = new double[n]; m.score(data, n, ref);
        double[] out = new double[n];
        if (v != null) v.pathSums(data, n, out); else v0.pathSums(data, n, out);
        for (int i = 0; i < n; i++) if (Double.doubleToLongBits(Math.pow(2.0, out[i] * negInv)) != Double.doubleToLongBits(ref[i])) throw new AssertionError("batch mismatch " + i);
        System.out.println("bit-identical");
        for (int rep = 0; rep < 3; rep++) {
            System.out.printf("base batch %.2f M rows/s%n", n / (ExpMain.median(9, 3, () -> m.score(data, n, out)) / 1e9) / 1e6);
            System.out.printf("vec batch %.2f M rows/s%n", n / (ExpMain.median(9, 3, () -> { if (v != null) v.pathSums(data, n, out); else v0.pathSums(data, n, out); }) / 1e9) / 1e6);
        }
    }
}

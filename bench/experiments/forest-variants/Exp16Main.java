package dev.riskplatform.core.model;

import java.util.Random;

public final class Exp16Main {
    public static void main(String[] a) {
        int n = 1_000_000, d = 4;
        Random r = new Random(2026);
        double[] data = new double[n * d];
        for (int i = 0; i < data.length; i++) data[i] = r.nextGaussian();
        IsolationForest m = IsolationForest.fit(data, d, new IsolationForest.Params(100, 256, 42));
        Exp16 c = Exp16.compile(m.trees(), d);
        double[][] rows = new double[4096][d];
        for (int k = 0; k < rows.length; k++) System.arraycopy(data, k * 241 * d, rows[k], 0, d);
        for (double[] row : rows) if (Double.doubleToLongBits(c.pathSum(row)) != Double.doubleToLongBits(c.pathSum16(row))) throw new AssertionError();
        System.out.println("bit-identical");
        double[] sink = new double[1];
        for (int rep = 0; rep < 4; rep++) {
            System.out.printf("8 trees  %.0f ns%n", ExpMain.median(30, 10, () -> { for (int k = 0; k < 100_000; k++) sink[0] += c.pathSum(rows[k & 4095]); }) / 1e5);
            System.out.printf("16 trees %.0f ns%n", ExpMain.median(30, 10, () -> { for (int k = 0; k < 100_000; k++) sink[0] += c.pathSum16(rows[k & 4095]); }) / 1e5);
        }
        System.out.println(sink[0]);
    }
}

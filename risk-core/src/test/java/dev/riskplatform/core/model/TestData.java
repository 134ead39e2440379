package dev.riskplatform.core.model;

import java.util.Random;

/** Deterministic synthetic rows: independent standard normals, row-major. */
final class TestData {

    private TestData() {
    }

    static double[] gaussian(int rows, int d, long seed) {
        Random r = new Random(seed);
        double[] x = new double[rows * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return x;
    }

    static double[] row(double[] rows, int d, int r) {
        double[] x = new double[d];
        System.arraycopy(rows, r * d, x, 0, d);
        return x;
    }
}

package dev.riskplatform.core.forest;

import java.util.Random;

/** Deterministic synthetic rows (independent standard normals, row-major) and neutral feature stats. */
public final class TestData {

    private TestData() {
    }

    public static double[] gaussian(int rows, int d, long seed) {
        Random r = new Random(seed);
        double[] x = new double[rows * d];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return x;
    }

    public static double[] row(double[] rows, int d, int r) {
        double[] x = new double[d];
        System.arraycopy(rows, r * d, x, 0, d);
        return x;
    }

    /** Stats of d features with mean 0, scale 1 everywhere: for forests assembled from hand-made trees. */
    public static FeatureStats stats(int d) {
        double[] z = new double[d];
        double[] one = new double[d];
        java.util.Arrays.fill(one, 1);
        return new FeatureStats(z, one, z, one);
    }
}

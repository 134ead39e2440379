package dev.riskplatform.trainer.autoencoder;

import java.util.Random;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Seeded row sampling and shuffling for the autoencoder's training loop. */
final class TrainingRows {

    private TrainingRows() {
    }

    /** All rows when there are at most {@code max}; otherwise {@code max} distinct rows drawn with {@code seed}, in time order. */
    static double[] sample(double[] rows, int d, int max, long seed) {
        int n = rows.length / d;
        if (n <= max) return rows.clone();
        int[] idx = permutation(n, new Random(seed));
        java.util.Arrays.sort(idx, 0, max);
        double[] out = new double[max * d];
        for (int k = 0; k < max; k++) System.arraycopy(rows, idx[k] * d, out, k * d, d);
        return out;
    }

    /**
     * Rows order[from..to) of z as one DOUBLE minibatch, assembled in Java: one native allocation per
     * batch (ND4J's getRows allocates per row and dominated training time).
     */
    static INDArray batch(double[] z, int d, int[] order, int from, int to) {
        double[] b = new double[(to - from) * d];
        for (int k = from; k < to; k++) System.arraycopy(z, order[k] * d, b, (k - from) * d, d);
        return Dl4jAutoencoder.matrix(b, to - from, d);
    }

    /** A uniformly random permutation of 0..n−1 (Fisher-Yates). */
    static int[] permutation(int n, Random rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i]; p[i] = p[j]; p[j] = t;
        }
        return p;
    }
}

package dev.riskplatform.core.forest;

import dev.riskplatform.core.forest.tree.Sampler;
import dev.riskplatform.core.forest.tree.SplitMix64;
import dev.riskplatform.core.stats.Quantiles;
import java.util.Arrays;

/**
 * Per-feature training distribution, kept with the model so an explanation can say how far a
 * value is from what the model saw: mean and population std over all training rows, and the
 * 1st / 99th percentiles (the "typical range") over a seeded sample of at most
 * {@link #QUANTILE_SAMPLE} rows, which keeps fitting O(n) rather than O(n log n).
 */
public final class FeatureStats {

    public static final int QUANTILE_SAMPLE = 8192;

    private final double[] mean;
    private final double[] std;
    private final double[] p01;
    private final double[] p99;

    public FeatureStats(double[] mean, double[] std, double[] p01, double[] p99) {
        int d = mean.length;
        if (d == 0 || std.length != d || p01.length != d || p99.length != d) {
            throw new IllegalArgumentException("feature stats need one mean, std, p01 and p99 per feature");
        }
        for (double[] a : new double[][] {mean, std, p01, p99}) {
            for (double v : a) {
                if (!Double.isFinite(v)) throw new IllegalArgumentException("feature stats must be finite, got " + v);
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
        this.p01 = p01.clone();
        this.p99 = p99.clone();
    }

    /** Computes the stats of a row-major matrix; rows must already be checked finite. */
    static FeatureStats of(double[] rows, int d, int n, SplitMix64 rng) {
        double[] mean = new double[d];
        for (int i = 0; i < n * d; i++) mean[i % d] += rows[i];
        for (int f = 0; f < d; f++) mean[f] /= n;
        // Two passes, sum of squared deviations from the mean: no cancellation for large offsets.
        double[] ss = new double[d];
        for (int i = 0; i < n * d; i++) {
            double dev = rows[i] - mean[i % d];
            ss[i % d] += dev * dev;
        }
        double[] std = new double[d];
        for (int f = 0; f < d; f++) std[f] = Math.sqrt(ss[f] / n);
        int[] sample = Sampler.withoutReplacement(n, Math.min(n, QUANTILE_SAMPLE), rng);
        double[] p01 = new double[d];
        double[] p99 = new double[d];
        double[] col = new double[sample.length];
        for (int f = 0; f < d; f++) {
            for (int k = 0; k < sample.length; k++) col[k] = rows[sample[k] * d + f];
            Arrays.sort(col);
            p01[f] = Quantiles.linear(col, 0.01);
            p99[f] = Quantiles.linear(col, 0.99);
        }
        return new FeatureStats(mean, std, p01, p99);
    }

    public int featureCount() {
        return mean.length;
    }

    public double mean(int f) {
        return mean[f];
    }

    public double std(int f) {
        return std[f];
    }

    public double p01(int f) {
        return p01[f];
    }

    public double p99(int f) {
        return p99[f];
    }

    /** (x - mean) / std; 0 for a feature that never varied in training. */
    public double zScore(int f, double x) {
        return std[f] > 0 ? (x - mean[f]) / std[f] : 0.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureStats s && Arrays.equals(mean, s.mean) && Arrays.equals(std, s.std)
                && Arrays.equals(p01, s.p01) && Arrays.equals(p99, s.p99);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mean) * 31 + Arrays.hashCode(std);
    }
}

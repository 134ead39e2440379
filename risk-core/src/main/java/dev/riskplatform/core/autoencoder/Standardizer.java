package dev.riskplatform.core.autoencoder;

/** Per-feature standardization z_j = (x_j − mean_j) / std_j, fitted on training rows (population std). */
public record Standardizer(double[] mean, double[] std) {

    public Standardizer {
        if (mean.length == 0 || mean.length != std.length) {
            throw new IllegalArgumentException("mean and std need one entry per feature, got " + mean.length + " and " + std.length);
        }
        for (int j = 0; j < mean.length; j++) {
            if (!Double.isFinite(mean[j])) throw new IllegalArgumentException("mean " + j + " is not finite: " + mean[j]);
            if (!(std[j] > 0) || !Double.isFinite(std[j])) throw new IllegalArgumentException("std " + j + " must be finite and > 0, got " + std[j]);
        }
        mean = mean.clone();
        std = std.clone();
    }

    /**
     * mean_j = (1/n) Σ_r x_rj, std_j = sqrt((1/n) Σ_r (x_rj − mean_j)²); a constant column gets std 1
     * (its z is then 0 everywhere instead of NaN).
     */
    public static Standardizer fit(double[] rows, int featureCount) {
        int n = rows.length / featureCount;
        double[] mean = new double[featureCount], std = new double[featureCount];
        for (int r = 0; r < n; r++) for (int j = 0; j < featureCount; j++) mean[j] += rows[r * featureCount + j];
        for (int j = 0; j < featureCount; j++) mean[j] /= n;
        for (int r = 0; r < n; r++) {
            for (int j = 0; j < featureCount; j++) {
                double d = rows[r * featureCount + j] - mean[j];
                std[j] += d * d;
            }
        }
        for (int j = 0; j < featureCount; j++) std[j] = std[j] > 0 ? Math.sqrt(std[j] / n) : 1.0;
        return new Standardizer(mean, std);
    }

    public int featureCount() {
        return mean.length;
    }

    /** z[j] = (row[offset + j] − mean_j) / std_j. */
    public void apply(double[] row, int offset, double[] z) {
        for (int j = 0; j < mean.length; j++) z[j] = (row[offset + j] - mean[j]) / std[j];
    }

    /** All rows standardized, row-major (what the network is trained on). */
    public double[] applyAll(double[] rows) {
        double[] z = new double[rows.length];
        double[] buf = new double[mean.length];
        for (int off = 0; off < rows.length; off += mean.length) {
            apply(rows, off, buf);
            System.arraycopy(buf, 0, z, off, mean.length);
        }
        return z;
    }

    @Override
    public double[] mean() {
        return mean.clone();
    }

    @Override
    public double[] std() {
        return std.clone();
    }
}

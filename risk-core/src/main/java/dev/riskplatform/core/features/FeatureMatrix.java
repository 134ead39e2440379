package dev.riskplatform.core.features;

/**
 * Batch output: one row per bar after warm-up, row-major with {@code columns} columns in the
 * spec's {@link FeatureSpec#featureNames()} order. Arrays are shared, not copied: this is the bulk path.
 */
public record FeatureMatrix(long[] openTimes, double[] closes, double[] values, int columns) {

    public FeatureMatrix {
        if (columns < 1 || openTimes.length != closes.length || values.length != openTimes.length * columns) {
            throw new IllegalArgumentException("inconsistent feature matrix shape");
        }
    }

    public int rows() {
        return openTimes.length;
    }

    public double get(int row, int column) {
        return values[row * columns + column];
    }

    public FeatureVector row(int row) {
        double[] v = new double[columns];
        System.arraycopy(values, row * columns, v, 0, columns);
        return new FeatureVector(openTimes[row], closes[row], v);
    }

    /** Column {@code c} as its own array. */
    public double[] column(int c) {
        double[] out = new double[rows()];
        for (int i = 0; i < out.length; i++) out[i] = values[i * columns + c];
        return out;
    }
}

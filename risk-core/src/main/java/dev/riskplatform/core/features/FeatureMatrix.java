package dev.riskplatform.core.features;

/**
 * Batch output: one row per bar after warm-up, row-major with {@link #COLUMNS} columns in
 * {@link FeatureSpec#FEATURE_NAMES} order. Arrays are shared, not copied: this is the bulk path.
 */
public record FeatureMatrix(long[] openTimes, double[] closes, double[] values) {

    public static final int COLUMNS = 4;

    public FeatureMatrix {
        if (openTimes.length != closes.length || values.length != openTimes.length * COLUMNS) {
            throw new IllegalArgumentException("inconsistent feature matrix shape");
        }
    }

    public int rows() {
        return openTimes.length;
    }

    public double get(int row, int column) {
        return values[row * COLUMNS + column];
    }

    public FeatureVector row(int row) {
        double[] v = new double[COLUMNS];
        System.arraycopy(values, row * COLUMNS, v, 0, COLUMNS);
        return new FeatureVector(openTimes[row], closes[row], v);
    }
}

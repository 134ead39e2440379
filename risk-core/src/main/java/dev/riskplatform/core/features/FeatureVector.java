package dev.riskplatform.core.features;

import java.util.Arrays;

/** Features of one bar, in {@link FeatureSpec#FEATURE_NAMES} order. Immutable. */
public record FeatureVector(long openTime, double close, double[] values) {

    public FeatureVector {
        if (values.length != FeatureSpec.FEATURE_NAMES.size()) {
            throw new IllegalArgumentException("expected " + FeatureSpec.FEATURE_NAMES.size() + " values, got " + values.length);
        }
        values = values.clone();
    }

    @Override
    public double[] values() {
        return values.clone();
    }

    public double value(int feature) {
        return values[feature];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FeatureVector v && openTime == v.openTime
                && Double.compare(close, v.close) == 0 && Arrays.equals(values, v.values);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(openTime) * 31 + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "FeatureVector[" + openTime + " close=" + close + " " + Arrays.toString(values) + "]";
    }
}

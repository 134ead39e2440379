package dev.riskplatform.core.features;

import java.util.Arrays;

/** Features of one bar, in its spec's {@link FeatureSpec#featureNames()} order. Immutable. */
public record FeatureVector(long openTime, double close, double[] values) {

    public FeatureVector {
        if (values.length < 1 || values.length > FeatureSpec.MAX_FEATURES) {
            throw new IllegalArgumentException("expected 1.." + FeatureSpec.MAX_FEATURES + " values, got " + values.length);
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

package dev.riskplatform.core.training;

import dev.riskplatform.core.features.FeatureMatrix;
import java.util.Arrays;

/**
 * Time-ordered split: the model is fitted on the first rows and judged on the last
 * {@code fraction} of them, so validation sees only bars later than any it was trained on.
 * holdout rows = ceil(n · fraction), train rows = n − holdout; both must be >= 1.
 */
public record HoldoutSplit(FeatureMatrix train, FeatureMatrix holdout) {

    public static HoldoutSplit of(FeatureMatrix m, double fraction) {
        int n = m.rows();
        int holdout = (int) Math.ceil(n * fraction);
        int train = n - holdout;
        if (train < 2 || holdout < 1) {
            throw new IllegalArgumentException("cannot split " + n + " rows into training and a " + fraction + " holdout");
        }
        return new HoldoutSplit(slice(m, 0, train), slice(m, train, n));
    }

    /** Rows [from, to) of a matrix. */
    public static FeatureMatrix slice(FeatureMatrix m, int from, int to) {
        int c = m.columns();
        return new FeatureMatrix(Arrays.copyOfRange(m.openTimes(), from, to), Arrays.copyOfRange(m.closes(), from, to),
                Arrays.copyOfRange(m.values(), from * c, to * c), c);
    }
}

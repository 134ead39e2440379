package dev.riskplatform.core.scoring;

import dev.riskplatform.core.stats.Quantiles;
import java.util.Arrays;

/**
 * Where a score becomes an anomaly: {@code score > value}. Kept beside the model, not in it,
 * so one forest can be re-thresholded without refitting (the sklearn equivalent is
 * {@code offset_} = -value: sklearn flags a row when {@code score_samples < offset_}).
 *
 * @param value         the cut-off score
 * @param contamination the training outlier fraction it came from, or NaN for a fixed value
 */
public record Threshold(double value, double contamination) {

    public Threshold {
        if (!Double.isFinite(value)) throw new IllegalArgumentException("threshold must be finite, got " + value);
        if (!Double.isNaN(contamination) && !(contamination > 0 && contamination <= 0.5)) {
            throw new IllegalArgumentException("contamination must be in (0, 0.5], got " + contamination);
        }
    }

    public static Threshold fixed(double value) {
        return new Threshold(value, Double.NaN);
    }

    /**
     * The (1 - rate) quantile of the training scores, linear interpolation as numpy's percentile:
     * about {@code rate} of the training rows score above it. Equals sklearn's -offset_.
     */
    public static Threshold fromContamination(double[] trainingScores, double rate) {
        if (!(rate > 0 && rate <= 0.5)) throw new IllegalArgumentException("contamination must be in (0, 0.5], got " + rate);
        double[] sorted = trainingScores.clone();
        Arrays.sort(sorted);
        return new Threshold(Quantiles.linear(sorted, 1.0 - rate), rate);
    }

    public boolean isFixed() {
        return Double.isNaN(contamination);
    }

    public boolean isAnomaly(double score) {
        return score > value;
    }
}

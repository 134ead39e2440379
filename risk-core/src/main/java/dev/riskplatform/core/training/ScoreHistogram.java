package dev.riskplatform.core.training;

/**
 * Equal-width histogram of scores over [lo, hi]: bin b holds lo + b·w <= s < lo + (b+1)·w with
 * w = (hi − lo) / bins; the maximum goes to the last bin. Scores lie in (0, 1], so [0, 1] is the natural range.
 */
public record ScoreHistogram(double lo, double hi, long[] counts) {

    public static ScoreHistogram of(double[] scores, double lo, double hi, int bins) {
        if (bins < 1 || !(hi > lo)) throw new IllegalArgumentException("need bins >= 1 and hi > lo");
        long[] counts = new long[bins];
        double w = (hi - lo) / bins;
        for (double s : scores) {
            int b = (int) Math.floor((s - lo) / w);
            counts[Math.max(0, Math.min(bins - 1, b))]++;
        }
        return new ScoreHistogram(lo, hi, counts);
    }

    public double binLow(int b) {
        return lo + b * (hi - lo) / counts.length;
    }

    public double binHigh(int b) {
        return lo + (b + 1) * (hi - lo) / counts.length;
    }
}

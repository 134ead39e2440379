package dev.riskplatform.core.risk;

/** The registered model's verdicts over a day's bars: anomalies (score > threshold), max score, which model. */
public record DayScores(long anomalyCount, Double maxScore, String model, int modelVersion) {

    /** Summarises scores of the day's scored bars; NaN entries (bars before warm-up) are skipped. */
    public static DayScores of(double[] scores, boolean[] anomalies, String model, int modelVersion) {
        long count = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) continue;
            if (anomalies[i]) count++;
            max = Math.max(max, scores[i]);
        }
        return new DayScores(count, max == Double.NEGATIVE_INFINITY ? null : max, model, modelVersion);
    }
}

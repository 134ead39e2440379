package dev.riskplatform.core.eval;

/**
 * What a threshold does on labelled rows: alerts = #(score > threshold), precision = hits / alerts,
 * recall = hits / positives, false-alert rate = false alerts / negatives.
 */
public record OperatingPoint(double threshold, int alerts, int hits, int positives, double precision, double recall,
                             double falseAlertRate) {

    public static OperatingPoint of(double[] scores, boolean[] labels, double threshold) {
        int alerts = 0, hits = 0, positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (labels[i]) positives++;
            if (scores[i] > threshold) {
                alerts++;
                if (labels[i]) hits++;
            }
        }
        int negatives = scores.length - positives;
        return new OperatingPoint(threshold, alerts, hits, positives, alerts == 0 ? 0 : (double) hits / alerts,
                positives == 0 ? 0 : (double) hits / positives, negatives == 0 ? 0 : (double) (alerts - hits) / negatives);
    }
}

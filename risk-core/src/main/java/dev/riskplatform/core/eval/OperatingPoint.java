package dev.riskplatform.core.eval;

/**
 * What a threshold does on labelled rows, bar by bar: alerts = #(score > threshold), precision = hits / alerts,
 * recall = hits / positives, false-alert rate = false alerts / negatives. And event by event: an event is a
 * maximal run of consecutive labelled rows (a flash crash over 2–3 bars, the labelled onset of a volatility
 * burst; the generators keep events at least {@link MarketBenchmark#MIN_EVENT_GAP} bars apart), caught when any
 * of its rows alerts: eventRecall = eventsCaught / events.
 */
public record OperatingPoint(double threshold, int alerts, int hits, int positives, double precision, double recall,
                             double falseAlertRate, int events, int eventsCaught, double eventRecall) {

    public static OperatingPoint of(double[] scores, boolean[] labels, double threshold) {
        int alerts = 0, hits = 0, positives = 0, events = 0, caught = 0;
        boolean inEvent = false, eventCaught = false;
        for (int i = 0; i < scores.length; i++) {
            boolean alert = scores[i] > threshold;
            if (labels[i] && !inEvent) {
                events++;
                eventCaught = false;
            }
            if (labels[i] && alert && !eventCaught) {
                caught++;
                eventCaught = true;
            }
            inEvent = labels[i];
            if (labels[i]) positives++;
            if (alert) {
                alerts++;
                if (labels[i]) hits++;
            }
        }
        int negatives = scores.length - positives;
        return new OperatingPoint(threshold, alerts, hits, positives, alerts == 0 ? 0 : (double) hits / alerts,
                positives == 0 ? 0 : (double) hits / positives, negatives == 0 ? 0 : (double) (alerts - hits) / negatives,
                events, caught, events == 0 ? 0 : (double) caught / events);
    }
}

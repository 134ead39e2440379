package dev.riskplatform.trainer.card;

import dev.riskplatform.core.model.ScoreSummary;
import java.util.List;
import java.util.Map;

/**
 * The model card (card.json; card.md renders the same content): what data, which parameters,
 * where the threshold sits, how scores are distributed, what validation said and which bars the
 * model finds most anomalous, with why.
 */
public record ModelCard(String model, String artifactSha256, String createdAt, Map<String, Object> featureSpec,
                        Data data, Map<String, Object> parameters, Threshold threshold, ScoreSummary trainingScores,
                        Holdout holdout, Histogram histogram, List<Anomaly> topAnomalies) {

    public record Data(String symbol, String interval, String fromDay, String toDay, String datasetKey, boolean datasetReused,
                       int rows, int trainRows, int holdoutRows, String trainFrom, String trainTo, String holdoutFrom, String holdoutTo) {
    }

    public record Threshold(double value, String source, double alertRate) {
    }

    public record Holdout(boolean promoted, String reason, double alertRate, ScoreSummary scores) {
    }

    /** Training scores in equal-width bins: counts[b] covers [lo + b·w, lo + (b+1)·w), w = (hi − lo) / bins. */
    public record Histogram(double lo, double hi, long[] counts) {
    }

    public record Anomaly(String time, long openTime, double close, double score, Map<String, Double> features,
                          List<Contribution> explanation) {
    }

    public record Contribution(String feature, double value, double typicalLow, double typicalHigh, double contribution) {
    }
}

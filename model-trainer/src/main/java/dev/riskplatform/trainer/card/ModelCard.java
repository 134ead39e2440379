package dev.riskplatform.trainer.card;

import dev.riskplatform.core.scoring.ScoreSummary;
import java.util.List;
import java.util.Map;

/**
 * The model card (card.json; card.md renders the same content): what data, which parameters,
 * where the threshold sits, how scores are distributed, what validation said and which bars the
 * model finds most anomalous, with why.
 */
public record ModelCard(String model, String artifactSha256, String createdAt, Map<String, Object> featureSpec,
                        Data data, Map<String, Object> parameters, Threshold threshold, ScoreSummary trainingScores,
                        Holdout holdout, Histogram histogram, List<Anomaly> topAnomalies, AutoencoderInfo autoencoder,
                        Comparison comparison) {

    /** The autoencoder trained beside the forest (stored as autoencoder.json, format riskplatform-autoencoder). */
    public record AutoencoderInfo(String artifactSha256, int[] layerSizes, Map<String, Object> parameters, double threshold,
                                  ScoreSummary trainingScores, long trainMillis) {
    }

    /**
     * IF, autoencoder and combination on the holdout. {@code servingScorer} is what the registry entry says serves
     * scores; {@code bestOnInjectedJumps} the kind with the highest average precision on the injected-jump holdout.
     * {@code alertJaccard} = |A_IF ∩ A_AE| / |A_IF ∪ A_AE| of holdout alerts.
     */
    public record Comparison(String servingScorer, String servingReason, String bestOnInjectedJumps, int injectedJumps,
                             int holdoutRows, double alertJaccard, List<Compared> models) {
    }

    /** One kind on the holdout: alert rate at its threshold; ranking metrics on injected jumps (null without them). */
    public record Compared(String kind, double threshold, double holdoutAlertRate, Double rocAuc, Double averagePrecision,
                           Double precisionAtK) {
    }

    public record Data(String symbol, String interval, String fromDay, String toDay, String datasetKey, boolean datasetReused,
                       int rows, int trainRows, int holdoutRows, String trainFrom, String trainTo, String holdoutFrom, String holdoutTo) {
    }

    /**
     * The operating point: alerts above {@code value} of the served {@code scorer}; {@code alertRate} of the training rows
     * (per bar), i.e. {@code alertsPerDay} expected alerts a day for this symbol.
     */
    public record Threshold(double value, String source, double alertRate, String scorer, double alertsPerDay) {
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

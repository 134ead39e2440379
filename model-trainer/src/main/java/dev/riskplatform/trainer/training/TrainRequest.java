package dev.riskplatform.trainer.training;

/**
 * A training request as POST /train and the one-shot job receive it. Required: symbol, from, to
 * (UTC days, inclusive, yyyy-MM-dd). Everything else falls back to {@link TrainerConfig} and
 * {@code FeatureSpec.defaults()} (interval 1m, model btc-iforest, feature spec v2, tail-blend at
 * 3 alerts a day). The operating point is one knob given one of three ways, at most one:
 * {@code alertsPerDay}, or the fraction of training rows above the threshold as {@code contamination}
 * or {@code targetAlertRate}. {@code featureVersion} 1 trains on the raw-unit v1 features.
 */
public record TrainRequest(String symbol, String interval, String from, String to, String model,
                           Integer trees, Integer maxSamples, Long seed, Double contamination, Double targetAlertRate,
                           Double holdoutFraction, Double alertRateFactor, Double minScoreSpread,
                           Integer volatilityWindow, Integer zScoreWindow, Integer momentumWindow,
                           Double alertsPerDay, String scorer, Integer featureVersion) {

    public static TrainRequest of(String symbol, String interval, String from, String to, String model) {
        return new TrainRequest(symbol, interval, from, to, model, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    public TrainRequest withMinScoreSpread(double v) {
        return new TrainRequest(symbol, interval, from, to, model, trees, maxSamples, seed, contamination, targetAlertRate,
                holdoutFraction, alertRateFactor, v, volatilityWindow, zScoreWindow, momentumWindow, alertsPerDay, scorer,
                featureVersion);
    }
}

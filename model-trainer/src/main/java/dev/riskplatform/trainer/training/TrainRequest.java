package dev.riskplatform.trainer.training;

/**
 * A training request as POST /train and the one-shot job receive it. Required: symbol, from, to
 * (UTC days, inclusive, yyyy-MM-dd). Everything else falls back to {@link TrainerConfig}
 * (interval 1m, model btc-iforest, windows 30/30/10). {@code contamination} and
 * {@code targetAlertRate} are the same knob (the fraction of training rows above the threshold);
 * give at most one.
 */
public record TrainRequest(String symbol, String interval, String from, String to, String model,
                           Integer trees, Integer maxSamples, Long seed, Double contamination, Double targetAlertRate,
                           Double holdoutFraction, Double alertRateFactor, Double minScoreSpread,
                           Integer volatilityWindow, Integer zScoreWindow, Integer momentumWindow) {

    public static TrainRequest of(String symbol, String interval, String from, String to, String model) {
        return new TrainRequest(symbol, interval, from, to, model, null, null, null, null, null, null, null, null, null, null, null);
    }

    public TrainRequest withMinScoreSpread(double v) {
        return new TrainRequest(symbol, interval, from, to, model, trees, maxSamples, seed, contamination, targetAlertRate,
                holdoutFraction, alertRateFactor, v, volatilityWindow, zScoreWindow, momentumWindow);
    }
}

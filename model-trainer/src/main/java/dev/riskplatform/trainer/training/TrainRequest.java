package dev.riskplatform.trainer.training;

import java.util.List;

/**
 * A training request as POST /train and the one-shot job receive it. Required: symbol, from, to
 * (UTC days, inclusive, yyyy-MM-dd). Without {@code model} the symbol's own model is trained, named by
 * risk-core SymbolModels ({@code <trainer.job.model>-<symbol>}, e.g. btc-iforest-ethusdt); with {@code symbols}
 * instead of {@code symbol} each selected symbol's own model is: a list, or ["ALL"] (also ["*"]) and quote filters such
 * as ["*USDT"] over the symbols with raw bars of the interval (core.market.SymbolSelection).
 * Everything else falls back to {@link TrainerConfig} and {@code FeatureSpec.defaults()} (interval 1m, feature
 * spec v2, tail-blend at 3 alerts a day). The operating point is one knob given one of three ways, at most one:
 * {@code alertsPerDay}, or the fraction of training rows above the threshold as {@code contamination}
 * or {@code targetAlertRate}. {@code featureVersion} 1 trains on the raw-unit v1 features.
 */
public record TrainRequest(String symbol, String interval, String from, String to, String model,
                           Integer trees, Integer maxSamples, Long seed, Double contamination, Double targetAlertRate,
                           Double holdoutFraction, Double alertRateFactor, Double minScoreSpread,
                           Integer volatilityWindow, Integer zScoreWindow, Integer momentumWindow,
                           Double alertsPerDay, String scorer, Integer featureVersion, List<String> symbols) {

    public static TrainRequest of(String symbol, String interval, String from, String to, String model) {
        return new TrainRequest(symbol, interval, from, to, model, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    /** Several symbols' own models in one request (no {@code symbol}, no {@code model}). */
    public static TrainRequest ofSymbols(List<String> symbols, String interval, String from, String to) {
        return new TrainRequest(null, interval, from, to, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, symbols);
    }

    public TrainRequest withMinScoreSpread(double v) {
        return new TrainRequest(symbol, interval, from, to, model, trees, maxSamples, seed, contamination, targetAlertRate,
                holdoutFraction, alertRateFactor, v, volatilityWindow, zScoreWindow, momentumWindow, alertsPerDay, scorer,
                featureVersion, symbols);
    }

    /** This request for one symbol's own model: every other parameter kept, no model name (the naming rule gives it). */
    public TrainRequest forSymbol(String s) {
        return new TrainRequest(s, interval, from, to, null, trees, maxSamples, seed, contamination, targetAlertRate,
                holdoutFraction, alertRateFactor, minScoreSpread, volatilityWindow, zScoreWindow, momentumWindow, alertsPerDay,
                scorer, featureVersion, null);
    }
}

package dev.riskplatform.trainer.training;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.training.TrainingConfig;
import dev.riskplatform.trainer.dataset.DatasetRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** A request with defaults applied and every field checked; bad fields raise IllegalArgumentException. */
public record ResolvedRequest(String model, DatasetRequest dataset, TrainingConfig training) {

    private static final java.util.regex.Pattern MODEL = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public static ResolvedRequest of(TrainRequest r, TrainerConfig d) {
        String model = Optional.ofNullable(r.model()).orElse(d.job().model());
        if (!MODEL.matcher(model).matches()) throw new IllegalArgumentException("model name must match " + MODEL + ", got '" + model + "'");
        if (r.contamination() != null && r.targetAlertRate() != null) {
            throw new IllegalArgumentException("give contamination or targetAlertRate, not both (they are the same knob)");
        }
        BarInterval interval = BarInterval.parse(Optional.ofNullable(r.interval()).orElse(d.job().interval()));
        FeatureSpec spec = FeatureSpec.of(interval, or(r.volatilityWindow(), 30), or(r.zScoreWindow(), 30), or(r.momentumWindow(), 10));
        String symbol = require("symbol", r.symbol()).toUpperCase(Locale.ROOT);
        DatasetRequest dataset = new DatasetRequest(symbol, spec, day("from", r.from()), day("to", r.to()));
        double rate = or(r.contamination(), or(r.targetAlertRate(), d.alertRate()));
        TrainingConfig cfg = new TrainingConfig(or(r.trees(), d.trees()), or(r.maxSamples(), d.maxSamples()), or(r.seed(), d.seed()),
                rate, or(r.holdoutFraction(), d.holdoutFraction()), or(r.alertRateFactor(), d.alertRateFactor()),
                or(r.minScoreSpread(), d.minScoreSpread()));
        return new ResolvedRequest(model, dataset, cfg);
    }

    private static LocalDate day(String name, String v) {
        try {
            return LocalDate.parse(require(name, v));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " must be a date yyyy-MM-dd, got '" + v + "'");
        }
    }

    private static String require(String name, String v) {
        if (v == null || v.isBlank()) throw new IllegalArgumentException(name + " is required");
        return v.strip();
    }

    private static <T> T or(T v, T fallback) {
        return v != null ? v : fallback;
    }
}

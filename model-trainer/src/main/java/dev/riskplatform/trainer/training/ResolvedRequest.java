package dev.riskplatform.trainer.training;

import dev.riskplatform.core.artifact.SymbolModels;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.training.TrainingConfig;
import dev.riskplatform.trainer.dataset.DatasetRequest;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/** A request with defaults applied and every field checked; bad fields raise IllegalArgumentException. */
public record ResolvedRequest(String model, DatasetRequest dataset, TrainingConfig training, String fallbackModel) {

    private static final java.util.regex.Pattern MODEL = SymbolModels.MODEL_NAME;

    /**
     * @return with {@code fallbackModel} set when the request trains the symbol's own model (no {@code model} given):
     *         the default model that scores the symbol without one
     */
    public static ResolvedRequest of(TrainRequest r, TrainerConfig d) {
        if (r.symbols() != null) throw new IllegalArgumentException("symbols trains several models: not one request");
        String symbol = require("symbol", r.symbol()).toUpperCase(Locale.ROOT);
        String fallback = r.model() == null ? d.job().model() : null;
        String model = r.model() != null ? r.model() : SymbolModels.nameFor(fallback, symbol);
        if (!MODEL.matcher(model).matches()) throw new IllegalArgumentException("model name must match " + MODEL + ", got '" + model + "'");
        long knobs = java.util.stream.Stream.of(r.contamination(), r.targetAlertRate(), r.alertsPerDay()).filter(java.util.Objects::nonNull).count();
        if (knobs > 1) {
            throw new IllegalArgumentException("give one of alertsPerDay, contamination or targetAlertRate (they are the same knob)");
        }
        FeatureSpec spec = spec(r, d);
        DatasetRequest dataset = new DatasetRequest(symbol, spec, day("from", r.from()), day("to", r.to()));
        double perBar = or(r.contamination(), r.targetAlertRate()) != null ? or(r.contamination(), r.targetAlertRate())
                : or(r.alertsPerDay(), d.alertsPerDay()) / spec.barsPerDay();
        TrainingConfig cfg = new TrainingConfig(or(r.trees(), d.trees()), or(r.maxSamples(), d.maxSamples()), or(r.seed(), d.seed()),
                perBar, or(r.holdoutFraction(), d.holdoutFraction()), or(r.alertRateFactor(), d.alertRateFactor()),
                or(r.minScoreSpread(), d.minScoreSpread()), ServedScorer.parse(or(r.scorer(), d.scorer())));
        return new ResolvedRequest(model, dataset, cfg, fallback);
    }

    /** Windows and version default to {@link FeatureSpec#defaults()} (v2), or the v1 defaults for featureVersion 1. */
    private static FeatureSpec spec(TrainRequest r, TrainerConfig d) {
        BarInterval interval = BarInterval.parse(Optional.ofNullable(r.interval()).orElse(d.job().interval()));
        int version = or(r.featureVersion(), FeatureSpec.CURRENT_VERSION);
        FeatureSpec base = version == 1 ? FeatureSpec.v1Defaults() : FeatureSpec.defaults().withVersion(version);
        return new FeatureSpec(version, interval, or(r.volatilityWindow(), base.volatilityWindow()),
                or(r.zScoreWindow(), base.zScoreWindow()), or(r.momentumWindow(), base.momentumWindow()));
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

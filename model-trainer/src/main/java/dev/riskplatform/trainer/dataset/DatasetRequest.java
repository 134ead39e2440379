package dev.riskplatform.trainer.dataset;

import dev.riskplatform.core.features.FeatureSpec;
import java.time.LocalDate;
import java.util.Objects;

/** Bars of one symbol and the spec's interval, UTC days {@code from..to} inclusive. */
public record DatasetRequest(String symbol, FeatureSpec spec, LocalDate from, LocalDate to) {

    public DatasetRequest {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) throw new DatasetException("empty date range: to " + to + " is before from " + from);
    }

    /** The spec's path segment: version and windows, e.g. {@code v1-vol30-z30-mom10}. */
    public String specId() {
        return "v" + spec.version() + "-vol" + spec.volatilityWindow() + "-z" + spec.zScoreWindow() + "-mom" + spec.momentumWindow();
    }
}

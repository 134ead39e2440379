package dev.riskplatform.core.risk;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.model.Explainer;
import dev.riskplatform.core.model.Scorer;
import dev.riskplatform.core.model.Threshold;
import java.util.Objects;

/** Everything needed to score and explain a bar, as one immutable value that can be swapped atomically. */
public record ScoringModel(String name, long version, Scorer scorer, Explainer explainer, Threshold threshold,
                           FeatureSpec spec) {

    public ScoringModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(explainer, "explainer");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(spec, "spec");
        if (scorer.featureCount() != spec.featureCount()) {
            throw new IllegalArgumentException("scorer has " + scorer.featureCount() + " features, spec " + spec.featureCount());
        }
    }
}

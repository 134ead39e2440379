package dev.riskplatform.core.risk;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.explain.Explainer;
import dev.riskplatform.core.scoring.Scorer;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.scoring.Threshold;
import java.util.Objects;

/**
 * Everything needed to score and explain a bar, as one immutable value that can be swapped atomically.
 * {@code scorer} is the served score ({@code kind}); {@code threshold} is of that score.
 */
public record ScoringModel(String name, long version, ServedScorer kind, Scorer scorer, Explainer explainer,
                           Threshold threshold, FeatureSpec spec) {

    public ScoringModel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(explainer, "explainer");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(spec, "spec");
        if (scorer.featureCount() != spec.featureCount()) {
            throw new IllegalArgumentException("scorer has " + scorer.featureCount() + " features, spec " + spec.featureCount());
        }
    }

    /** The served model of a verified registry entry: the artifact's scorer, threshold and spec. */
    public static ScoringModel of(RegisteredModel registered) {
        ModelArtifact a = registered.artifact();
        return new ScoringModel(registered.model(), registered.version(), a.scorer(), a.servedScorer(),
                new Explainer(a.model(), a.featureSpec().featureNames()), a.threshold(), a.featureSpec());
    }

    /** How far above the threshold a score lies, in this scorer's bands. */
    public Severity severity(double score) {
        return Severity.of(score, threshold.value(), kind.maxScore());
    }
}

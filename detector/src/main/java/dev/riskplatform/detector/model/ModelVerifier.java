package dev.riskplatform.detector.model;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.explain.Explainer;
import dev.riskplatform.core.forest.FeatureStats;
import dev.riskplatform.core.risk.ScoringModel;

/**
 * What the detector checks on top of the shared registry verification ({@link RegisteredModel}:
 * the artifact's own hash, the registry's hash, the entry's spec): its spec is one this detector
 * computes and the one its bar state is built on, and it scores sane values on a few rows before
 * it goes live.
 */
final class ModelVerifier {

    private ModelVerifier() {
    }

    /** @param runningSpec the spec of the model serving now (the bar state is built on it), or null */
    static ScoringModel verify(RegisteredModel registered, FeatureSpec runningSpec) throws ModelArtifactException {
        ModelArtifact a = registered.artifact();
        // Windows of another spec would need another bar/feature state: refuse rather than serve skewed features.
        if (runningSpec != null) a.requireSpec(runningSpec);
        ScoringModel m = ScoringModel.of(registered);
        warmUp(m, a.model().stats());
        return m;
    }

    /** Scores the training means and typical-range corners: a model that cannot score them is not served. */
    private static void warmUp(ScoringModel m, FeatureStats stats) throws ModelArtifactException {
        int d = stats.featureCount();
        double[][] rows = {new double[d], new double[d], new double[d]};
        for (int f = 0; f < d; f++) {
            rows[0][f] = stats.mean(f);
            rows[1][f] = stats.p01(f);
            rows[2][f] = stats.p99(f);
        }
        for (double[] row : rows) {
            double s = m.scorer().score(row);
            if (!(s >= 0 && s <= m.kind().maxScore())) {
                throw new ModelArtifactException("warm-up score " + s + " is outside [0, " + m.kind().maxScore() + "] for " + m.kind().id());
            }
            m.explainer().explain(row);
        }
    }
}

package dev.riskplatform.detector.model;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.model.Explainer;
import dev.riskplatform.core.model.FeatureStats;
import dev.riskplatform.core.risk.ScoringModel;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Turns downloaded bytes into a model the detector may serve, or refuses them with the reason:
 * the artifact verifies (format, own hash, structure), its hash equals the registry's, its spec
 * is one this detector computes, and it scores sane values on a few rows before it goes live.
 */
final class ModelVerifier {

    private static final String HASH_MEMBER = "\"contentSha256\":\"";

    private ModelVerifier() {
    }

    /** @param runningSpec the spec of the model serving now (the bar state is built on it), or null */
    static ScoringModel verify(RegistryEntry entry, byte[] artifact, FeatureSpec runningSpec) throws IOException {
        ModelArtifact a = ModelArtifact.read(new ByteArrayInputStream(artifact));
        String stored = storedHash(artifact);
        if (!stored.equals(entry.sha256())) {
            throw new ModelArtifactException("registry sha256 " + entry.sha256() + " does not match the artifact's " + stored);
        }
        if (a.featureSpec().version() != FeatureSpec.CURRENT_VERSION) {
            throw new ModelArtifactException("feature spec version " + a.featureSpec().version() + " is not computed here");
        }
        // Windows of another spec would need another bar/feature state: refuse rather than serve skewed features.
        if (runningSpec != null) a.requireSpec(runningSpec);
        ScoringModel m = new ScoringModel(entry.model(), entry.version(), a.model(),
                new Explainer(a.model(), a.featureSpec().featureNames()), a.threshold(), a.featureSpec());
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
            if (!(s > 0 && s <= 1)) throw new ModelArtifactException("warm-up score " + s + " is outside (0, 1]");
            m.explainer().explain(row);
        }
    }

    /** The hash the artifact declares; ModelArtifact.read has already checked it against the bytes. */
    static String storedHash(byte[] artifact) {
        String text = new String(artifact, StandardCharsets.UTF_8);
        int at = text.lastIndexOf(HASH_MEMBER) + HASH_MEMBER.length();
        return text.substring(at, at + 64);
    }
}

package dev.riskplatform.testsupport;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.artifact.TrainingInfo;
import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.model.IsolationForest;
import dev.riskplatform.core.model.ScoreSummary;
import dev.riskplatform.core.model.Threshold;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Small real models for service tests: an Isolation Forest fitted on the features of a seeded
 * random walk of closes, through the same FeatureEngine the services use. Not a stand-in: it is
 * trained and serialized exactly as the trainer does, only smaller.
 */
public final class TestModels {

    private TestModels() {
    }

    /** A sealed artifact document: {@code trees} trees on {@code bars} synthetic bars of the spec's interval. */
    public static byte[] artifact(FeatureSpec spec, int trees, int bars, long seed) {
        FeatureMatrix m = randomWalkFeatures(spec, bars, seed);
        IsolationForest model = IsolationForest.fit(m.values(), FeatureMatrix.COLUMNS, new IsolationForest.Params(trees, 256, seed));
        double[] scores = new double[m.rows()];
        model.score(m.values(), m.rows(), scores);
        ModelArtifact a = new ModelArtifact(spec,
                new TrainingInfo(m.openTimes()[0], m.openTimes()[m.rows() - 1], m.rows(), seed, Instant.now(), "test"),
                Threshold.fromContamination(scores, 0.01), ScoreSummary.of(scores), model);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            a.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Features of a random walk with 0.05 % per-bar volatility, starting at 40,000. */
    public static FeatureMatrix randomWalkFeatures(FeatureSpec spec, int bars, long seed) {
        Random r = new Random(seed);
        long[] open = new long[bars];
        double[] close = new double[bars];
        double p = 40_000;
        for (int i = 0; i < bars; i++) {
            p *= Math.exp(0.0005 * r.nextGaussian());
            open[i] = 1_700_000_000_000L / spec.interval().millis() * spec.interval().millis() + i * spec.interval().millis();
            close[i] = p;
        }
        return FeatureEngine.computeAll(spec, open, close, new boolean[bars]);
    }

    /** The registry entry for {@code artifact} once the store assigned a version (for ModelRegistryStore.register). */
    public static IntFunction<RegistryEntry> entry(String model, byte[] artifact, FeatureSpec spec, boolean promoted) {
        String sha;
        try {
            sha = RegisteredModel.contentHash(artifact);
        } catch (ModelArtifactException e) {
            throw new IllegalArgumentException(e);
        }
        return v -> new RegistryEntry(v, "models/" + model + "/v" + v + "/model.json", sha, ModelArtifact.MODEL_TYPE, spec,
                promoted, promoted ? null : "not promoted by the test", System.currentTimeMillis());
    }
}

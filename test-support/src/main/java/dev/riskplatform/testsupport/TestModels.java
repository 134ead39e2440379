package dev.riskplatform.testsupport;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.artifact.TrainingInfo;
import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.scoring.Threshold;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        return artifact(spec, trees, bars, seed, ServedScorer.ISOLATION_FOREST, 0.01);
    }

    /** As above, serving {@code scorer} with its threshold at {@code alertRate} of the training rows. */
    public static byte[] artifact(FeatureSpec spec, int trees, int bars, long seed, ServedScorer scorer, double alertRate) {
        FeatureMatrix m = randomWalkFeatures(spec, bars, seed);
        IsolationForest model = IsolationForest.fit(m.values(), m.columns(), new IsolationForest.Params(trees, 256, seed));
        double[] scores = new double[m.rows()];
        scorer.over(model).score(m.values(), m.rows(), scores);
        ModelArtifact a = new ModelArtifact(spec,
                new TrainingInfo(m.openTimes()[0], m.openTimes()[m.rows() - 1], m.rows(), seed, Instant.now(), "test"),
                scorer, Threshold.fromContamination(scores, alertRate), ScoreSummary.of(scores), model);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            a.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Features of a random walk with 0.05 % per-bar volatility, starting at 40,000: open = previous close,
     * high/low = the larger/smaller of open and close, volume log-normal around 20, 40 trades per unit.
     */
    public static FeatureMatrix randomWalkFeatures(FeatureSpec spec, int bars, long seed) {
        return FeatureEngine.computeAll(spec, randomWalkBars(spec.interval(), bars, seed));
    }

    /** The bars of {@link #randomWalkFeatures}. */
    public static List<Bar> randomWalkBars(BarInterval interval, int bars, long seed) {
        Random r = new Random(seed);
        Random v = new Random(~seed);
        List<Bar> out = new ArrayList<>(bars);
        double p = 40_000;
        long first = 1_700_000_000_000L / interval.millis() * interval.millis();
        for (int i = 0; i < bars; i++) {
            double open = p;
            p *= Math.exp(0.0005 * r.nextGaussian());
            long t = first + i * interval.millis();
            double volume = 20 * Math.exp(0.5 * v.nextGaussian());
            out.add(new Bar("TEST", interval, t, t + interval.millis() - 1, open, Math.max(open, p), Math.min(open, p), p,
                    volume, volume * p, p, Math.max(1, Math.round(40 * volume)), 2L * i, 2L * i + 1, false));
        }
        return out;
    }

    /** The registry entry for {@code artifact} once the store assigned a version (for ModelRegistryStore.register). */
    public static IntFunction<RegistryEntry> entry(String model, byte[] artifact, FeatureSpec spec, boolean promoted) {
        String sha;
        try {
            sha = RegisteredModel.contentHash(artifact);
        } catch (ModelArtifactException e) {
            throw new IllegalArgumentException(e);
        }
        String scorer;
        try {
            scorer = ModelArtifact.parse(artifact).scorer().id();
        } catch (ModelArtifactException e) {
            throw new IllegalArgumentException(e);
        }
        return v -> new RegistryEntry(v, "models/" + model + "/v" + v + "/model.json", sha, ModelArtifact.MODEL_TYPE, spec,
                promoted, promoted ? null : "not promoted by the test", System.currentTimeMillis(), scorer, List.of());
    }
}

package dev.riskplatform.detector.support;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegistryDocument;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.artifact.TrainingInfo;
import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.scoring.Threshold;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.io.topic.ModelRegistryMessage;
import dev.riskplatform.service.registry.ModelRegistryStore;
import dev.riskplatform.testsupport.RealInfrastructure;
import dev.riskplatform.testsupport.TopicProbe;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Registers models the way model-trainer does (docs/storage.md), straight through the S3 API:
 * a small Isolation Forest (50 trees) fitted on the features (spec v2, the default) of the bars the
 * detector cuts from {@link Series}, served as tail-blend (the trainer's default), with its
 * threshold at the highest training score so the training series itself never alerts.
 */
public final class TestModels {

    public static final String MODEL = "btc-iforest";
    public static final FeatureSpec SPEC = FeatureSpec.defaults();
    public static final int TRAINING_BARS = 1_000;

    private TestModels() {
    }

    /** A valid artifact fitted with {@code seed}, its threshold at the highest training score. */
    public static byte[] artifact(long seed) {
        return artifact(seed, false);
    }

    /**
     * As {@link #artifact(long)}; with {@code alertOnHalf} the threshold is the training median instead, an operating
     * point about half the training bars exceed: a model calibrated far from the default one.
     */
    public static byte[] artifact(long seed, boolean alertOnHalf) {
        List<Bar> bars = Series.bars(TRAINING_BARS);
        FeatureMatrix m = FeatureEngine.computeAll(SPEC, bars);
        IsolationForest forest = IsolationForest.fit(m.values(), SPEC.featureCount(), new IsolationForest.Params(50, 256, seed));
        double[] scores = new double[m.rows()];
        ServedScorer.TAIL_BLEND.over(forest).score(m.values(), m.rows(), scores);
        ScoreSummary summary = ScoreSummary.of(scores);
        TrainingInfo info = new TrainingInfo(bars.get(0).openTime(), bars.get(bars.size() - 1).openTime(), m.rows(), seed,
                Instant.now(), "detector-test");
        var out = new ByteArrayOutputStream();
        try {
            new ModelArtifact(SPEC, info, ServedScorer.TAIL_BLEND, Threshold.fixed(alertOnHalf ? summary.p50() : summary.max()), summary, forest).write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The artifact's own contentSha256 member (what the registry must repeat). */
    public static String contentSha(byte[] artifact) {
        String s = new String(artifact, StandardCharsets.UTF_8).trim();
        return s.substring(s.length() - 66, s.length() - 2);
    }

    /**
     * Registers and promotes the next version in the real registry document (risk-core
     * RegistryDocument, as ModelRegistryStore writes it), then publishes the model_registry event;
     * returns the version. Straight through S3, not ModelRegistryStore.register: that refuses
     * tampered artifacts, which the rejection tests must be able to upload.
     */
    public static long register(byte[] artifact, String registrySha) {
        return register(MODEL, artifact, registrySha);
    }

    /** As {@link #register(byte[], String)}, under {@code model}'s registry (e.g. a symbol's own model). */
    public static synchronized long register(String model, byte[] artifact, String registrySha) {
        try (S3Client s3 = RealInfrastructure.get().s3Client()) {
            RegistryDocument registry = readRegistry(s3, model);
            int version = registry.nextVersion();
            String key = ModelRegistryStore.artifactKey(model, version);
            s3.putObject(b -> b.bucket(RealInfrastructure.BUCKET).key(key), RequestBody.fromBytes(artifact));
            // Every artifact of this class serves tail-blend; a tampered one is refused before its scorer matters.
            RegistryEntry entry = new RegistryEntry(version, key, registrySha, "isolation-forest", SPEC, true, null,
                    System.currentTimeMillis(), RegistryEntry.TAIL_BLEND, List.of());
            s3.putObject(b -> b.bucket(RealInfrastructure.BUCKET).key(ModelRegistryStore.registryKey(model)),
                    RequestBody.fromBytes(registry.with(entry).toJson()));
            TopicProbe.send("model_registry", model, ModelRegistryMessage.toJson(model, entry));
            return version;
        }
    }

    /** Makes sure some valid model serves (registering version 1 if the registry is empty). */
    public static long ensureServing(ModelManager models) {
        if (models.active().isEmpty() && !registryExists()) {
            byte[] a = artifact(1);
            register(a, contentSha(a));
        }
        Await.until("a model serves", Duration.ofSeconds(60), () -> models.active().isPresent());
        return models.active().orElseThrow().version();
    }

    private static boolean registryExists() {
        try (S3Client s3 = RealInfrastructure.get().s3Client()) {
            return readRegistry(s3, MODEL).promoted().isPresent();
        }
    }

    private static RegistryDocument readRegistry(S3Client s3, String model) {
        try {
            byte[] b = s3.getObjectAsBytes(r -> r.bucket(RealInfrastructure.BUCKET).key(ModelRegistryStore.registryKey(model))).asByteArray();
            return RegistryDocument.parse(b);
        } catch (NoSuchKeyException e) {
            return RegistryDocument.empty(model);
        } catch (ModelArtifactException e) {
            throw new IllegalStateException("the test registry does not parse", e);
        }
    }
}

package dev.riskplatform.core.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.scoring.Threshold;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RegistryDocumentTest {

    private static final FeatureSpec SPEC = FeatureSpec.v1Defaults();

    private static byte[] artifactBytes(long seed) throws IOException {
        Random r = new Random(seed);
        double[] rows = new double[800 * 4];
        for (int i = 0; i < rows.length; i++) rows[i] = r.nextGaussian();
        IsolationForest model = IsolationForest.fit(rows, 4, new IsolationForest.Params(10, 128, seed));
        double[] scores = new double[800];
        model.score(rows, 800, scores);
        ModelArtifact a = new ModelArtifact(SPEC, new TrainingInfo(0L, 60_000L, 800, seed, Instant.EPOCH, "test"),
                Threshold.fromContamination(scores, 0.02), ScoreSummary.of(scores), model);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.write(out);
        return out.toByteArray();
    }

    private static RegistryEntry entry(int version, byte[] artifact, boolean promoted) throws IOException {
        return new RegistryEntry(version, "models/m/v" + version + "/model.json", RegisteredModel.contentHash(artifact),
                ModelArtifact.MODEL_TYPE, SPEC, promoted, promoted ? null : "holdout scores not sane", 1_000L * version);
    }

    @Test
    void roundTripsAndTracksThePromotedVersion() throws IOException {
        byte[] a1 = artifactBytes(1);
        byte[] a2 = artifactBytes(2);
        RegistryDocument doc = RegistryDocument.empty("m").with(entry(1, a1, true)).with(entry(2, a2, false));

        RegistryDocument back = RegistryDocument.parse(doc.toJson());

        assertEquals(doc, back);
        assertEquals(1, back.promoted().orElseThrow().version(), "an unpromoted version does not replace the promoted one");
        assertEquals(3, back.nextVersion());
        assertEquals("holdout scores not sane", back.version(2).orElseThrow().reason());
    }

    @Test
    void verifiesAnArtifactAgainstItsEntry() throws IOException {
        byte[] a1 = artifactBytes(1);
        RegisteredModel loaded = RegisteredModel.verify("m", entry(1, a1, true), a1);
        assertEquals(SPEC, loaded.artifact().featureSpec());
    }

    @Test
    void refusesAnArtifactTheRegistryDidNotName() throws IOException {
        byte[] a1 = artifactBytes(1);
        byte[] other = artifactBytes(2);
        var e = assertThrows(ModelArtifactException.class, () -> RegisteredModel.verify("m", entry(1, a1, true), other));
        assertTrue(e.getMessage().contains("but the registry lists"), e.getMessage());
    }

    @Test
    void refusesAnEntryWhoseSpecDiffersFromTheArtifact() throws IOException {
        byte[] a1 = artifactBytes(1);
        RegistryEntry e1 = entry(1, a1, true);
        FeatureSpec fiveMinutes = FeatureSpec.of(BarInterval.parse("5m"), 30, 30, 10);
        RegistryEntry lying = new RegistryEntry(1, e1.artifactKey(), e1.sha256(), e1.modelType(), fiveMinutes, true, null, 0L);
        var e = assertThrows(ModelArtifactException.class, () -> RegisteredModel.verify("m", lying, a1));
        assertTrue(e.getMessage().contains("feature spec mismatch"), e.getMessage());
    }

    @Test
    void refusesCorruptRegistries() {
        var e = assertThrows(ModelArtifactException.class,
                () -> RegistryDocument.parse("{\"model\":\"m\",\"versions\":[{\"version\":1}]}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("missing member"), e.getMessage());
        assertThrows(ModelArtifactException.class, () -> RegistryDocument.parse("{not json".getBytes(StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class, () -> RegistryDocument.empty("m").with(new RegistryEntry(1, "k",
                "0".repeat(64), "isolation-forest", SPEC, false, "x", 0L)).with(new RegistryEntry(1, "k", "0".repeat(64),
                "isolation-forest", SPEC, false, "x", 0L)));
    }

    @Test
    void anEntryWithoutScorerMeansTheIsolationForest() throws IOException {
        String old = "{\"model\":\"m\",\"promotedVersion\":1,\"versions\":[{\"version\":1,\"artifactKey\":\"models/m/v1/model.json\","
                + "\"sha256\":\"" + "a".repeat(64) + "\",\"modelType\":\"isolation-forest\",\"featureSpec\":"
                + new String(ArtifactWriter.JSON.writeValueAsBytes(ArtifactWriter.spec(SPEC)), StandardCharsets.UTF_8)
                + ",\"promoted\":true,\"reason\":null,\"registeredAt\":1}]}";
        RegistryEntry e = RegistryDocument.parse(old.getBytes(StandardCharsets.UTF_8)).promoted().orElseThrow();
        assertEquals(RegistryEntry.ISOLATION_FOREST, e.scorer());
        assertTrue(e.companions().isEmpty());
    }

    @Test
    void recordsThePromotedScorerAndVerifiesTheAutoencoderCompanion() throws IOException {
        byte[] a1 = artifactBytes(1);
        byte[] ae = AutoencoderArtifactTestSupport.bytes();
        RegistryEntry.Companion c = new RegistryEntry.Companion(RegistryEntry.AUTOENCODER, "models/m/v1/autoencoder.json",
                RegisteredModel.contentHash(ae));
        RegistryEntry base = entry(1, a1, true);
        RegistryEntry e = new RegistryEntry(1, base.artifactKey(), base.sha256(), base.modelType(), SPEC, true, null, 1L,
                RegistryEntry.ISOLATION_FOREST, java.util.List.of(c));
        RegistryDocument back = RegistryDocument.parse(RegistryDocument.empty("m").with(e).toJson());
        assertEquals(e, back.promoted().orElseThrow());
        assertEquals(4, RegisteredModel.verifyAutoencoder("m", e, ae).model().featureCount());
        assertTrue(assertThrows(ModelArtifactException.class, () -> RegisteredModel.verifyAutoencoder("m", base, ae))
                .getMessage().contains("lists no autoencoder companion"));
        RegistryEntry other = new RegistryEntry(1, base.artifactKey(), base.sha256(), base.modelType(), SPEC, true, null, 1L,
                RegistryEntry.COMBINATION, java.util.List.of(new RegistryEntry.Companion(RegistryEntry.AUTOENCODER, c.artifactKey(), "b".repeat(64))));
        assertTrue(assertThrows(ModelArtifactException.class, () -> RegisteredModel.verifyAutoencoder("m", other, ae))
                .getMessage().contains("but the registry lists"));
        assertThrows(IllegalArgumentException.class, () -> new RegistryEntry(1, "k", "0".repeat(64), "isolation-forest", SPEC, true, null,
                0L, RegistryEntry.AUTOENCODER, java.util.List.of()));
        assertThrows(IllegalArgumentException.class, () -> new RegistryEntry(1, "k", "0".repeat(64), "isolation-forest", SPEC, true, null,
                0L, "svm", java.util.List.of()));
    }

    @Test
    void anEntryServingAnotherScoreThanItsArtifactIsRefused() throws IOException {
        byte[] a1 = artifactBytes(1); // thresholded on the forest's own score
        RegistryEntry base = entry(1, a1, true);
        RegistryEntry blend = new RegistryEntry(1, base.artifactKey(), base.sha256(), base.modelType(), SPEC, true, null, 1L,
                RegistryEntry.TAIL_BLEND, java.util.List.of());
        String m = assertThrows(ModelArtifactException.class, () -> RegisteredModel.verify("m", blend, a1)).getMessage();
        assertTrue(m.contains("registered to serve tail-blend but its artifact's threshold is for isolation-forest"), m);
    }
}

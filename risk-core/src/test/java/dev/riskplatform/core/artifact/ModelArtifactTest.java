package dev.riskplatform.core.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.forest.TailBlend;
import dev.riskplatform.core.scoring.Threshold;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ModelArtifactTest {

    private static final int N = 3_000;
    private static final double[] ROWS = rows();
    private static final ModelArtifact ARTIFACT = artifact();
    private static final byte[] DOC = bytes(ARTIFACT);

    private static double[] rows() {
        Random r = new Random(17);
        double[] x = new double[N * 4];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian();
        return x;
    }

    private static ModelArtifact artifact() {
        IsolationForest model = IsolationForest.fit(ROWS, 4, new IsolationForest.Params(50, 256, 42));
        double[] scores = new double[N];
        model.score(ROWS, N, scores);
        TrainingInfo info = new TrainingInfo(1_700_000_000_000L, 1_700_086_400_000L, N, 42L,
                Instant.parse("2026-11-25T10:00:00Z"), "test");
        return new ModelArtifact(FeatureSpec.v1Defaults(), info, Threshold.fromContamination(scores, 0.02),
                ScoreSummary.of(scores), model);
    }

    private static byte[] bytes(ModelArtifact a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            a.write(out);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out.toByteArray();
    }

    private static ModelArtifact read(byte[] doc) throws IOException {
        return ModelArtifact.read(new ByteArrayInputStream(doc));
    }

    private static String rejection(byte[] doc) {
        return assertThrows(ModelArtifactException.class, () -> read(doc)).getMessage();
    }

    /** Edits the document, then re-seals it with a correct hash, as a careful forger would. */
    private static byte[] editAndReseal(Consumer<ObjectNode> edit) throws IOException {
        return Forgery.editAndReseal(DOC, edit);
    }

    @Test
    void roundTripKeepsEveryScoreAndAllMetadata() throws IOException {
        ModelArtifact back = read(DOC);
        double[] before = new double[N];
        double[] after = new double[N];
        ARTIFACT.model().score(ROWS, N, before);
        back.model().score(ROWS, N, after);
        assertArrayEquals(before, after);
        assertEquals(ARTIFACT.model().trees(), back.model().trees());
        assertEquals(ARTIFACT.model().stats(), back.model().stats());
        assertEquals(ARTIFACT.featureSpec(), back.featureSpec());
        assertEquals(ARTIFACT.training(), back.training());
        assertEquals(ARTIFACT.threshold(), back.threshold());
        assertEquals(ARTIFACT.trainingScores(), back.trainingScores());
        assertArrayEquals(DOC, bytes(back), "writing is canonical: read then write gives the same bytes");
    }

    @Test
    void tamperedSplitWithTheOldHashIsAHashMismatch() throws IOException {
        ObjectNode root = (ObjectNode) ArtifactWriter.JSON.readTree(DOC);
        ArrayNode split = (ArrayNode) root.get("trees").get(0).get("split");
        double old = split.get(0).asDouble();
        String doc = new String(DOC, StandardCharsets.UTF_8);
        String oldText = "\"split\":[" + old;
        assertTrue(doc.contains(oldText));
        String tampered = doc.replaceFirst(java.util.regex.Pattern.quote(oldText),
                "\"split\":[" + (double) Math.nextUp((float) old));
        assertTrue(rejection(tampered.getBytes(StandardCharsets.UTF_8)).contains("hash mismatch"));
    }

    @Test
    void truncatedDocumentIsRejectedAsTruncated() {
        for (int keep : new int[] {DOC.length / 2, DOC.length - 5, 10}) {
            String m = rejection(Arrays.copyOf(DOC, keep));
            assertTrue(m.contains("truncated"), m);
        }
        assertTrue(rejection(new byte[0]).contains("empty"));
    }

    @Test
    void aVersionOneDocumentStillLoadsAndServesTheForestsOwnScore() throws IOException {
        byte[] v1 = editAndReseal(root -> {
            root.put("formatVersion", 1);
            root.remove("scorer");
        });
        ModelArtifact back = read(v1);
        assertEquals(ServedScorer.ISOLATION_FOREST, back.scorer());
        assertEquals(ARTIFACT.model().score(Arrays.copyOf(ROWS, 4)), back.servedScorer().score(Arrays.copyOf(ROWS, 4)));
        // A version-2 member in a version-1 document is an error, not ignored.
        String m = rejection(editAndReseal(root -> root.put("formatVersion", 1)));
        assertTrue(m.contains("members must be exactly"), m);
    }

    @Test
    void theServedScorerTravelsWithItsThreshold() throws IOException {
        ModelArtifact blend = new ModelArtifact(ARTIFACT.featureSpec(), ARTIFACT.training(), ServedScorer.TAIL_BLEND,
                Threshold.fixed(2.5), ARTIFACT.trainingScores(), ARTIFACT.model());
        ModelArtifact back = read(bytes(blend));
        assertEquals(ServedScorer.TAIL_BLEND, back.scorer());
        double[] row = Arrays.copyOf(ROWS, 4);
        assertEquals(new TailBlend(ARTIFACT.model()).score(row), back.servedScorer().score(row));
        String m = rejection(editAndReseal(root -> root.put("scorer", "pickle")));
        assertTrue(m.contains("scorer must be one of [isolation-forest, tail-blend], got pickle"), m);
    }

    @Test
    void otherFormatVersionIsRejectedEvenWithAValidHash() throws IOException {
        String m = rejection(editAndReseal(root -> root.put("formatVersion", 3)));
        assertTrue(m.contains("unsupported formatVersion 3 (this reader understands 1, 2)"), m);
        m = rejection(editAndReseal(root -> root.put("format", "pickle")));
        assertTrue(m.contains("not a riskplatform-iforest artifact"), m);
    }

    @Test
    void specMismatchNamesBothSpecs() throws IOException {
        FeatureSpec hourly = FeatureSpec.of(BarInterval.parse("1h"), 30, 30, 10);
        String m = assertThrows(ModelArtifactException.class,
                () -> ModelArtifact.read(new ByteArrayInputStream(DOC), hourly)).getMessage();
        assertTrue(m.contains(FeatureSpec.v1Defaults().toString()) && m.contains(hourly.toString()), m);
        assertEquals(FeatureSpec.v1Defaults(), ModelArtifact.read(new ByteArrayInputStream(DOC), FeatureSpec.v1Defaults()).featureSpec());
    }

    @Test
    void structurallyInvalidTreesAreRejectedDespiteACorrectHash() throws IOException {
        String m = rejection(editAndReseal(root -> tree(root).withArray("feature").set(0, 9)));
        assertTrue(m.contains("structure") && m.contains("feature index 9 out of range"), m);
        m = rejection(editAndReseal(root -> tree(root).withArray("left").set(0, 0)));
        assertTrue(m.contains("structure") && m.contains("children"), m);
        m = rejection(editAndReseal(root -> tree(root).withArray("split").set(0, 0.1)));
        assertTrue(m.contains("not a float32"), m);
        m = rejection(editAndReseal(root -> root.putArray("trees")));
        assertTrue(m.contains("no trees"), m);
        m = rejection(editAndReseal(root -> ((ArrayNode) tree(root).get("value")).set(tree(root).get("value").size() - 1, -1.0)));
        assertTrue(m.contains("leaf value"), m);
    }

    @Test
    void unknownOrReorderedMembersAreRejected() throws IOException {
        String m = rejection(editAndReseal(root -> root.put("extra", 1)));
        assertTrue(m.contains("members must be exactly"), m);
    }

    private static ObjectNode tree(JsonNode root) {
        return (ObjectNode) root.get("trees").get(0);
    }
}

package dev.riskplatform.core.artifact;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.core.autoencoder.Activation;
import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.autoencoder.DenseLayer;
import dev.riskplatform.core.autoencoder.Standardizer;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.scoring.Threshold;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class AutoencoderArtifactTest {

    private static final int N = 500;
    private static final double[] ROWS = rows();
    private static final AutoencoderArtifact ARTIFACT = artifact();
    private static final byte[] DOC = ARTIFACT.toBytes();

    private static double[] rows() {
        Random r = new Random(3);
        double[] x = new double[N * 4];
        for (int i = 0; i < x.length; i++) x[i] = r.nextGaussian() * (1 + i % 4);
        return x;
    }

    private static AutoencoderArtifact artifact() {
        Random r = new Random(11);
        int[] sizes = {4, 8, 2, 8, 4};
        List<DenseLayer> layers = new ArrayList<>();
        for (int k = 0; k + 1 < sizes.length; k++) {
            double[] w = new double[sizes[k] * sizes[k + 1]], b = new double[sizes[k + 1]];
            for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() / 3;
            for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian() / 10;
            layers.add(new DenseLayer(sizes[k], sizes[k + 1], w, b, k == 3 ? Activation.IDENTITY : Activation.TANH));
        }
        Autoencoder model = new Autoencoder(Standardizer.fit(ROWS, 4), layers);
        double[] s = new double[N];
        model.score(ROWS, N, s);
        return new AutoencoderArtifact(FeatureSpec.v1Defaults(), new TrainingInfo(0L, 60_000L * N, N, 42L, Instant.parse("2026-11-25T10:00:00Z"), "test"),
                new AutoencoderArtifact.Hyperparameters(5, 64, 0.01), Threshold.fromContamination(s, 0.01), ScoreSummary.of(s), model);
    }

    private static String rejection(byte[] doc) {
        return assertThrows(ModelArtifactException.class, () -> AutoencoderArtifact.read(new ByteArrayInputStream(doc))).getMessage();
    }

    /** Edits the document, then re-seals it with a correct hash, as a careful forger would. */
    private static byte[] editAndReseal(Consumer<ObjectNode> edit) throws IOException {
        return Forgery.editAndReseal(DOC, edit);
    }

    @Test
    void roundTripKeepsEveryScoreBitForBitAndAllMetadata() throws IOException {
        AutoencoderArtifact back = AutoencoderArtifact.read(new ByteArrayInputStream(DOC));
        double[] before = new double[N], after = new double[N];
        ARTIFACT.model().score(ROWS, N, before);
        back.model().score(ROWS, N, after);
        assertArrayEquals(before, after, 0);
        assertEquals(ARTIFACT.threshold(), back.threshold());
        assertEquals(ARTIFACT.training(), back.training());
        assertEquals(ARTIFACT.hyperparameters(), back.hyperparameters());
        assertArrayEquals(new int[] {4, 8, 2, 8, 4}, back.model().layerSizes());
        assertArrayEquals(DOC, back.toBytes(), "re-writing a loaded artifact gives the same bytes");
        String text = new String(DOC, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("{\"format\":\"riskplatform-autoencoder\",\"formatVersion\":1,\"modelType\":\"autoencoder\""), text);
    }

    @Test
    void refusesTamperedTruncatedAndEmptyDocuments() {
        byte[] tampered = DOC.clone();
        int i = new String(DOC, StandardCharsets.US_ASCII).indexOf("\"layers\":") + 30;
        while (!Character.isDigit(tampered[i])) i++;
        tampered[i] = (byte) (tampered[i] == '7' ? '3' : '7'); // one weight digit changed
        assertTrue(!Arrays.equals(DOC, tampered), "the edit must change the document");
        assertTrue(rejection(tampered).startsWith("content hash mismatch"), rejection(tampered));
        assertTrue(rejection(Arrays.copyOf(DOC, DOC.length / 2)).startsWith("malformed or truncated JSON"));
        assertTrue(rejection(Arrays.copyOf(DOC, DOC.length - 10)).startsWith("malformed or truncated JSON"));
        assertEquals("empty artifact", rejection(new byte[0]));
    }

    @Test
    void refusesWrongShapesEvenWithAValidHash() throws IOException {
        byte[] dropRow = editAndReseal(r -> ((ArrayNode) r.get("layers").get(1).get("weights")).remove(0));
        assertTrue(rejection(dropRow).contains("shape: .layers[1].weights has 1 rows, layerSizes says 2"), rejection(dropRow));
        byte[] shortRow = editAndReseal(r -> ((ArrayNode) r.get("layers").get(0).get("weights").get(3)).remove(0));
        assertTrue(rejection(shortRow).contains("shape: .layers[0].weights[3] has 3 values, expected 4"), rejection(shortRow));
        byte[] dropLayer = editAndReseal(r -> ((ArrayNode) r.get("layers")).remove(3));
        assertTrue(rejection(dropLayer).contains("needs 4 layers, 3 are stored"), rejection(dropLayer));
        byte[] sizes = editAndReseal(r -> ((ArrayNode) r.get("parameters").get("layerSizes")).set(4, 5));
        assertTrue(rejection(sizes).contains("must start and end with the 4 features"), rejection(sizes));
        byte[] std = editAndReseal(r -> ((ArrayNode) r.get("standardization").get("std")).remove(0));
        assertTrue(rejection(std).contains("shape: .standardization.std has 3 values, expected 4"), rejection(std));
    }

    @Test
    void refusesBadValuesAndUnknownVersionsWithClearErrors() throws IOException {
        byte[] zeroStd = editAndReseal(r -> ((ArrayNode) r.get("standardization").get("std")).set(2, 0.0));
        assertTrue(rejection(zeroStd).contains("std 2 must be finite and > 0"), rejection(zeroStd));
        byte[] relu = editAndReseal(r -> ((ObjectNode) r.get("layers").get(0)).put("activation", "relu"));
        assertTrue(rejection(relu).contains("unknown activation 'relu'"), rejection(relu));
        byte[] text = editAndReseal(r -> ((ArrayNode) r.get("layers").get(0).get("bias")).set(0, "1"));
        assertTrue(rejection(text).contains(".layers[0].bias[0] must be a finite number"), rejection(text));
        byte[] v2 = editAndReseal(r -> r.put("formatVersion", 2));
        assertEquals("unsupported formatVersion 2 (this reader understands 1)", rejection(v2));
        byte[] forest = editAndReseal(r -> r.put("format", "riskplatform-iforest"));
        assertTrue(rejection(forest).startsWith("not a riskplatform-autoencoder artifact"));
        byte[] extra = editAndReseal(r -> r.put("zzz", 1));
        assertTrue(rejection(extra).startsWith("members must be exactly"));
    }

    @Test
    void refusesAnotherFeatureSpec() {
        FeatureSpec other = FeatureSpec.of(BarInterval.parse("5m"), 30, 30, 10);
        assertTrue(assertThrows(ModelArtifactException.class, () -> ARTIFACT.requireSpec(other)).getMessage().startsWith("feature spec mismatch"));
    }
}

package dev.riskplatform.trainer.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.artifact.AutoencoderArtifact;
import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.eval.JumpBenchmark;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.training.HoldoutSplit;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The acceptance test of issue #4 item 4: the same rows through DL4J's {@code output()} and through
 * risk-core's pure-Java forward pass, loaded back from the sealed artifact, agree within 1e-6
 * (reconstructions and reconstruction errors). Small network, short training: runs in CI.
 */
class Dl4jParityTest {

    private static final double TOLERANCE = 1e-6;

    @Test
    void pureJavaForwardPassEqualsDl4jOutput() throws Exception {
        FeatureMatrix m = JumpBenchmark.generate(FeatureSpec.v1Defaults(), 6_000, 30, 7).features();
        HoldoutSplit split = HoldoutSplit.of(m, 0.2);
        AutoencoderParams p = AutoencoderParams.defaults(42, 0.01).withEpochs(3);
        Dl4jAutoencoder.Trained t = Dl4jAutoencoder.fit(split.train().values(), split.train().columns(), p);
        byte[] sealed = AutoencoderFitterTestSupport.seal(t, split.train(), p);
        Autoencoder loaded = AutoencoderArtifact.read(new ByteArrayInputStream(sealed)).model();

        FeatureMatrix rows = split.holdout(); // rows the network never saw
        int n = rows.rows(), d = rows.columns();
        double[] z = t.standardizer().applyAll(rows.values());
        INDArray dl4j = t.network().output(Dl4jAutoencoder.matrix(z, n, d));
        assertEquals(DataType.DOUBLE, dl4j.dataType());
        double maxDiff = 0;
        double[] pure = new double[n];
        loaded.score(rows.values(), n, pure);
        for (int r = 0; r < n; r++) {
            double[] zr = java.util.Arrays.copyOfRange(z, r * d, r * d + d);
            double[] expected = dl4j.getRow(r).toDoubleVector();
            double[] actual = loaded.reconstruct(zr);
            assertArrayEquals(expected, actual, TOLERANCE, "row " + r);
            double mse = 0;
            for (int j = 0; j < d; j++) {
                maxDiff = Math.max(maxDiff, Math.abs(expected[j] - actual[j]));
                mse += (zr[j] - expected[j]) * (zr[j] - expected[j]) / d;
            }
            assertEquals(mse, pure[r], TOLERANCE, "score of row " + r);
        }
        System.out.printf("DL4J vs pure Java on %d rows: max |Δ reconstruction| = %.3e%n", n, maxDiff);
        assertTrue(n > 1000);
    }
}

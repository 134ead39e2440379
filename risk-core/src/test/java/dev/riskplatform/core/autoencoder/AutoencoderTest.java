package dev.riskplatform.core.autoencoder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AutoencoderTest {

    /** 2 → 1 (tanh) → 2 (identity), small enough to compute by hand. */
    private static Autoencoder tiny() {
        Standardizer st = new Standardizer(new double[] {1, 2}, new double[] {2, 4});
        DenseLayer enc = new DenseLayer(2, 1, new double[] {0.5, -0.25}, new double[] {0.1}, Activation.TANH);
        DenseLayer dec = new DenseLayer(1, 2, new double[] {2, -1}, new double[] {0, 0.5}, Activation.IDENTITY);
        return new Autoencoder(st, List.of(enc, dec));
    }

    @Test
    void forwardPassAndScoreFollowTheFormulas() {
        double[] x = {3, 10};
        double z0 = (3 - 1) / 2.0, z1 = (10 - 2) / 4.0; // 1, 2
        double h = Math.tanh(0.1 + 0.5 * z0 - 0.25 * z1);
        double[] zHat = {2 * h, 0.5 - h};
        assertArrayEquals(zHat, tiny().reconstruct(new double[] {z0, z1}), 0);
        double expected = ((z0 - zHat[0]) * (z0 - zHat[0]) + (z1 - zHat[1]) * (z1 - zHat[1])) / 2;
        assertEquals(expected, tiny().score(x), 0);
    }

    @Test
    void batchScoringEqualsRowByRow() {
        Autoencoder ae = random(new int[] {4, 8, 2, 8, 4}, 3);
        Random r = new Random(5);
        double[] rows = new double[50 * 4];
        for (int i = 0; i < rows.length; i++) rows[i] = r.nextGaussian();
        double[] batch = new double[50];
        ae.score(rows, 50, batch);
        for (int i = 0; i < 50; i++) {
            double[] row = java.util.Arrays.copyOfRange(rows, i * 4, i * 4 + 4);
            assertEquals(ae.score(row), batch[i], 0);
            assertTrue(batch[i] >= 0);
        }
        assertArrayEquals(new int[] {4, 8, 2, 8, 4}, ae.layerSizes());
    }

    @Test
    void refusesLayersThatDoNotChain() {
        Standardizer st = Standardizer.fit(new double[] {1, 2, 3, 4, 5, 6, 7, 8}, 4);
        DenseLayer a = new DenseLayer(4, 3, new double[12], new double[3], Activation.TANH);
        DenseLayer b = new DenseLayer(2, 4, new double[8], new double[4], Activation.IDENTITY);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Autoencoder(st, List.of(a, b))).getMessage().contains("layer 1 takes 2"));
        assertThrows(IllegalArgumentException.class, () -> new Autoencoder(st, List.of(a)));
        assertThrows(IllegalArgumentException.class, () -> new DenseLayer(2, 2, new double[3], new double[2], Activation.TANH));
        assertThrows(IllegalArgumentException.class, () -> new DenseLayer(1, 1, new double[] {Double.NaN}, new double[1], Activation.TANH));
    }

    @Test
    void standardizerUsesPopulationStdAndGuardsConstantColumns() {
        Standardizer st = Standardizer.fit(new double[] {1, 5, 3, 5}, 2);
        assertArrayEquals(new double[] {2, 5}, st.mean(), 0);
        assertArrayEquals(new double[] {1, 1}, st.std(), 0);
        assertThrows(IllegalArgumentException.class, () -> new Standardizer(new double[] {0}, new double[] {0}));
    }

    @Test
    void combinationAlertsWhenEitherModelAlerts() {
        assertEquals(2.0, ScoreCombination.max(0.5, 0.6, 4.0, 2.0), 0); // max(0.833, 2)
        assertEquals(1.25, ScoreCombination.max(0.75, 0.6, 1.0, 2.0), 1e-15); // max(1.25, 0.5)
        assertArrayEquals(new double[] {0.5}, ScoreCombination.max(new double[] {0.3}, 0.6, new double[] {0.2}, 2.0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> ScoreCombination.max(new double[1], 0, new double[1], 1));
    }

    static Autoencoder random(int[] sizes, long seed) {
        Random r = new Random(seed);
        List<DenseLayer> layers = new java.util.ArrayList<>();
        for (int k = 0; k + 1 < sizes.length; k++) {
            double[] w = new double[sizes[k] * sizes[k + 1]], b = new double[sizes[k + 1]];
            for (int i = 0; i < w.length; i++) w[i] = r.nextGaussian() * 0.5;
            for (int i = 0; i < b.length; i++) b[i] = r.nextGaussian() * 0.1;
            layers.add(new DenseLayer(sizes[k], sizes[k + 1], w, b, k + 2 == sizes.length ? Activation.IDENTITY : Activation.TANH));
        }
        double[] mean = new double[sizes[0]], std = new double[sizes[0]];
        java.util.Arrays.fill(std, 2.0);
        return new Autoencoder(new Standardizer(mean, std), layers);
    }
}

package dev.riskplatform.core.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

class CompiledForestTest {

    @Test
    void keysOrderLikeFloats() {
        Random r = new Random(4);
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f};
        for (int k = 0; k < 200_000; k++) {
            float a = k < 64 ? special[k % 8] : Float.intBitsToFloat(r.nextInt());
            float b = k < 64 ? special[k / 8] : (r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : a);
            if (Float.isNaN(a) || Float.isNaN(b) || a == 0f && b == 0f) continue;
            assertEquals(a <= b, CompiledForest.key(a) <= CompiledForest.key(b), a + " <= " + b);
        }
    }

    @Test
    void signedZeroAndNaNRouteAsFloatComparison() {
        // a split at -0.0 is stored as +0.0: x = +0.0 must go left, like 0.0 <= -0.0 in floats
        IsolationTree t = IsolationTree.of(1, new int[] {0, -1, -1}, new float[] {-0f, 0, 0},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new int[] {2, 1, 1}, new double[] {0, 1, 3});
        IsolationForest f = new IsolationForest(1, 2, java.util.List.of(t), IsolationForestTest.stats(1));
        double[] rows = {0.0, -0.0, Double.NaN, -Double.NaN, Double.MIN_VALUE, -1e-45};
        double[] batch = new double[rows.length];
        double[] explicit = new double[rows.length];
        f.score(rows, rows.length, batch);
        f.scoreExplicit(rows, rows.length, explicit);
        for (int i = 0; i < rows.length; i++) {
            assertEquals(explicit[i], batch[i], "row " + rows[i]);
            assertEquals(explicit[i], f.score(new double[] {rows[i]}), "row " + rows[i]);
        }
    }
}

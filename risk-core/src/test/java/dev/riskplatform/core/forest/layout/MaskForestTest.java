package dev.riskplatform.core.forest.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.forest.TestData;
import dev.riskplatform.core.forest.tree.IsolationTree;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MaskForestTest {

    @Test
    void keysOrderLikeFloats() {
        Random r = new Random(4);
        float[] special = {0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, 1f, -1f};
        for (int k = 0; k < 200_000; k++) {
            float a = k < 64 ? special[k % 8] : Float.intBitsToFloat(r.nextInt());
            float b = k < 64 ? special[k / 8] : (r.nextBoolean() ? Float.intBitsToFloat(r.nextInt()) : a);
            if (Float.isNaN(a) || Float.isNaN(b) || a == 0f && b == 0f) continue;
            assertEquals(a <= b, TreeBlock.key(a) <= TreeBlock.key(b), a + " <= " + b);
        }
    }

    @Test
    void signedZeroAndNaNRouteAsFloatComparison() {
        // a split at -0.0 is stored as +0.0: x = +0.0 must go left, like 0.0 <= -0.0 in floats
        IsolationTree t = IsolationTree.of(1, new int[] {0, -1, -1}, new float[] {-0f, 0, 0},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new int[] {2, 1, 1}, new double[] {0, 1, 3});
        IsolationForest f = new IsolationForest(1, 2, java.util.List.of(t), TestData.stats(1));
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

    @Test
    void compiledWalksEqualTheReferenceTreeWalkBitForBit() {
        int d = 4;
        IsolationForest model = IsolationForest.fit(TestData.gaussian(5_000, d, 11), d, IsolationForest.Params.defaults(42));
        assertBitIdentical(model, 20_011); // not a multiple of the chunk
    }

    /**
     * Every shape the layout takes: 1-4 features in one word (4 slots, empty ones below 4), 5-6 in two
     * words with 6 slots, 7-8 with 8, several blocks of trees in each width, trees cut into parts by
     * walks of one to three levels, one-sample trees.
     */
    @Test
    void everyShapeOfTheLayoutEqualsTheReferenceWalk() {
        record Shape(int d, int trees, int psi, int blocks, int walk) { }
        List<Shape> shapes = List.of(new Shape(1, 5, 16, 1, 0), new Shape(2, 40, 64, 1, 0), new Shape(3, 60, 256, 1, 2),
                new Shape(4, 300, 256, 3, 2), new Shape(4, 8, 512, 1, 3), new Shape(4, 3, 1, 1, 0),
                new Shape(5, 30, 128, 1, 1), new Shape(6, 100, 256, 1, 2), new Shape(6, 400, 256, 3, 2),
                new Shape(6, 8, 512, 1, 3), new Shape(6, 3, 1, 1, 0), new Shape(7, 50, 256, 1, 2),
                new Shape(8, 400, 256, 2, 2), new Shape(8, 2, 2, 1, 0));
        for (Shape s : shapes) {
            IsolationForest model = fit(s.d(), s.trees(), s.psi());
            MaskForest layout = model.layout();
            assertEquals(s.d() <= 4 ? 4 : s.d() <= 6 ? 6 : 8, layout.slots(), s + ": slots");
            assertEquals(s.blocks(), layout.blockCount(), s + ": blocks");
            assertEquals(s.walk(), layout.deepestWalk(), s + ": deepest walk");
            assertBitIdentical(model, 3_001);
        }
    }

    /**
     * Ties on split keys: the same forests with their splits rounded to a coarse grid, so trees share
     * keys within a block, a tree splits twice on one value, and ±0.0 are both splits.
     */
    @Test
    void tiedSplitKeysEqualTheReferenceWalk() {
        for (int d = 1; d <= TreeBlock.MAX_SLOTS; d++) {
            IsolationForest fitted = fit(d, 60, 256);
            List<IsolationTree> tied = new ArrayList<>();
            for (int k = 0; k < fitted.trees().size(); k++) tied.add(roundSplits(fitted.trees().get(k), d, k % 2 == 0 ? 0f : -0f));
            IsolationForest model = new IsolationForest(d, 256, tied, TestData.stats(d));
            assertTrue(model.isCompiled(), d + " features");
            assertBitIdentical(model, 4_001);
        }
    }

    @Test
    void shapesBeyondTheLayoutScoreOnTheExplicitTrees() {
        // nine features do not fit the eight packed slots; ψ = 1024 needs more than 256 mask entries per part
        IsolationForest widest = fit(TreeBlock.MAX_SLOTS, 20, 256);
        IsolationForest wide = fit(TreeBlock.MAX_SLOTS + 1, 20, 256);
        IsolationForest deep = IsolationForest.fit(TestData.gaussian(4_096, 4, 1), 4, new IsolationForest.Params(4, 1_024, 1));
        IsolationForest deepWide = IsolationForest.fit(TestData.gaussian(4_096, 6, 1), 6, new IsolationForest.Params(4, 1_024, 1));
        assertTrue(widest.isCompiled());
        assertFalse(wide.isCompiled());
        assertFalse(deep.isCompiled());
        assertFalse(deepWide.isCompiled());
        assertBitIdentical(wide, 101);
        assertBitIdentical(deep, 101);
        assertBitIdentical(deepWide, 101);
    }

    @Test
    void servedFeatureCountIsCompiled() {
        int d = dev.riskplatform.core.features.FeatureSpec.MAX_FEATURES;
        assertEquals(6, TreeBlock.SERVED_SLOTS, "the two-word kernels AND slots 4-5 of word q for the served width");
        IsolationForest model = fit(d, 100, 256);
        assertTrue(model.isCompiled(), d + " features");
        assertBitIdentical(model, 10_007);
    }

    private static IsolationForest fit(int d, int trees, int psi) {
        double[] train = TestData.gaussian(Math.max(psi, 2) * 4, d, 7);
        return IsolationForest.fit(train, d, new IsolationForest.Params(trees, psi, 3));
    }

    /** The tree with every split rounded to a multiple of 1/4, a split at 0 stored as {@code zero}. */
    private static IsolationTree roundSplits(IsolationTree t, int d, float zero) {
        int n = t.nodeCount();
        int[] feature = new int[n];
        float[] split = new float[n];
        int[] left = new int[n];
        int[] right = new int[n];
        int[] samples = new int[n];
        double[] value = new double[n];
        for (int i = 0; i < n; i++) {
            feature[i] = t.feature(i);
            float s = Math.round(t.split(i) * 4) / 4f;
            split[i] = t.isLeaf(i) ? 0f : s == 0f ? zero : s;
            left[i] = t.left(i);
            right[i] = t.right(i);
            samples[i] = t.samples(i);
            value[i] = t.value(i);
        }
        return IsolationTree.of(d, feature, split, left, right, samples, value);
    }

    private static void assertBitIdentical(IsolationForest model, int n) {
        int d = model.featureCount();
        double[] rows = edgeRows(model, n, new Random(8));
        double[] batch = new double[n];
        double[] explicit = new double[n];
        model.score(rows, n, batch);
        model.scoreExplicit(rows, n, explicit);
        for (int r = 0; r < n; r++) {
            double[] row = TestData.row(rows, d, r);
            long want = Double.doubleToRawLongBits(explicit[r]);
            assertEquals(want, Double.doubleToRawLongBits(batch[r]), "batch row " + java.util.Arrays.toString(row));
            assertEquals(want, Double.doubleToRawLongBits(model.score(row)), "single row " + java.util.Arrays.toString(row));
        }
    }

    /**
     * Rows whose values sit where a compiled compare could differ from {@code x <= split}: exactly
     * on a split, one float step either side, doubles that round to the split, ±0, subnormals, huge
     * magnitudes, ±∞ (also by the float cast) and NaN, mixed with ordinary normals.
     */
    private static double[] edgeRows(IsolationForest model, int n, Random r) {
        int d = model.featureCount();
        List<List<Float>> splits = new ArrayList<>();
        for (int f = 0; f < d; f++) splits.add(new ArrayList<>());
        for (IsolationTree t : model.trees()) {
            for (int i = 0; i < t.nodeCount(); i++) if (!t.isLeaf(i)) splits.get(t.feature(i)).add(t.split(i));
        }
        double[] fixed = {0.0, -0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1e-40, -1e-40, Float.MAX_VALUE,
            -Float.MAX_VALUE, 1e30, -1e30, 3.0e38, -3.0e38, 1e39, -1e39, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, Double.NaN, -Double.NaN};
        double[] rows = new double[n * d];
        for (int k = 0; k < rows.length; k++) {
            List<Float> s = splits.get(k % d);
            float split = s.isEmpty() ? 0f : s.get(r.nextInt(s.size())); // one-sample trees have no splits
            rows[k] = switch (r.nextInt(7)) {
                case 0 -> split;
                case 1 -> Math.nextUp(split);
                case 2 -> Math.nextDown(split);
                case 3 -> split + Math.ulp(split) * 0.25; // a double above the split that rounds to it
                case 4 -> fixed[r.nextInt(fixed.length)];
                default -> r.nextGaussian();
            };
        }
        return rows;
    }
}

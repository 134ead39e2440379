package dev.riskplatform.core.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.forest.tree.IsolationTree;
import dev.riskplatform.core.forest.tree.PathLength;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class IsolationForestTest {

    private static final int D = 4;
    private static final double[] ROWS = TestData.gaussian(5_000, D, 11);
    private static final IsolationForest MODEL = IsolationForest.fit(ROWS, D, IsolationForest.Params.defaults(42));

    @Test
    void sameSeedGivesTheSameForestAndOtherSeedsDoNot() {
        IsolationForest again = IsolationForest.fit(ROWS, D, IsolationForest.Params.defaults(42));
        IsolationForest other = IsolationForest.fit(ROWS, D, IsolationForest.Params.defaults(43));
        assertEquals(MODEL.trees(), again.trees());
        assertEquals(MODEL.stats(), again.stats());
        assertNotEquals(MODEL.trees(), other.trees());
    }

    @Test
    void treesFollowSklearnConstruction() {
        int maxDepth = PathLength.maxDepth(256);
        for (IsolationTree t : MODEL.trees()) {
            assertEquals(256, t.samples(0), "root holds psi samples");
            int[] depth = new int[t.nodeCount()];
            for (int i = 0; i < t.nodeCount(); i++) {
                if (t.isLeaf(i)) {
                    assertEquals(depth[i] + PathLength.average(t.samples(i)), t.value(i), 1e-12);
                    assertTrue(depth[i] == maxDepth || t.samples(i) == 1, "leaf stops at max depth or one sample");
                } else {
                    assertEquals(t.split(i), (float) t.split(i));
                    depth[t.left(i)] = depth[i] + 1;
                    depth[t.right(i)] = depth[i] + 1;
                    assertTrue(t.samples(t.left(i)) >= 1 && t.samples(t.right(i)) >= 1, "no empty child");
                }
            }
            assertTrue(t.depth() <= maxDepth);
        }
    }

    @Test
    void outliersScoreHigherThanInliers() {
        double inlier = MODEL.score(new double[] {0, 0, 0, 0});
        double outlier = MODEL.score(new double[] {6, -6, 6, -6});
        assertTrue(inlier < 0.5, "centre of the data scores low: " + inlier);
        assertTrue(outlier > 0.7, "far outside scores high: " + outlier);
        assertTrue(outlier <= 1.0);
    }

    @Test
    void batchSingleAndExplicitWalksAgree() {
        int n = 1_003; // not a multiple of the block size: the tail must be right too
        double[] rows = TestData.gaussian(n, D, 5);
        for (int i = 0; i < rows.length; i += 97) rows[i] *= 8; // some far-out values
        double[] batch = new double[n];
        double[] explicit = new double[n];
        MODEL.score(rows, n, batch);
        MODEL.scoreExplicit(rows, n, explicit);
        assertTrue(MODEL.isCompiled());
        for (int r = 0; r < n; r++) {
            assertEquals(explicit[r], batch[r], 1e-12, "row " + r);
            assertEquals(explicit[r], MODEL.score(TestData.row(rows, D, r)), 1e-12, "row " + r);
        }
    }

    @Test
    void deepForestsFallBackToTheExplicitWalk() {
        // ψ = 8192 gives depth 13, beyond the padded layout's limit.
        double[] rows = TestData.gaussian(8_192, 2, 9);
        IsolationForest deep = IsolationForest.fit(rows, 2, new IsolationForest.Params(3, 8_192, 1));
        assertFalse(deep.isCompiled());
        double[] out = new double[3];
        deep.score(rows, 3, out);
        for (int r = 0; r < 3; r++) assertEquals(out[r], deep.score(TestData.row(rows, 2, r)));
    }

    @Test
    void rowsAreComparedAsFloat32WithTiesGoingLeft() {
        // root splits feature 0 at 0.5f: left leaf 1, right leaf 3
        IsolationTree t = IsolationTree.of(1, new int[] {0, -1, -1}, new float[] {0.5f, 0, 0},
                new int[] {1, -1, -1}, new int[] {2, -1, -1}, new int[] {2, 1, 1}, new double[] {0, 1, 3});
        IsolationForest f = new IsolationForest(1, 2, List.of(t), TestData.stats(1));
        double left = Math.pow(2, -1.0 / PathLength.average(2));
        double right = Math.pow(2, -3.0 / PathLength.average(2));
        assertEquals(left, f.score(new double[] {0.5}));
        assertEquals(left, f.score(new double[] {0.5 + 1e-12}), "double rounds to 0.5f, as sklearn's cast");
        assertEquals(right, f.score(new double[] {Math.nextUp(0.5f)}));
        assertEquals(right, f.score(new double[] {Double.NaN}), "NaN is never <= split");
    }

    @Test
    void scoringIsThreadSafe() throws Exception {
        double[] rows = TestData.gaussian(20_000, D, 8);
        double[] expected = new double[20_000];
        MODEL.score(rows, 20_000, expected);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<double[]>> runs = new ArrayList<>();
            for (int k = 0; k < 4; k++) {
                runs.add(pool.submit(() -> {
                    double[] out = new double[20_000];
                    MODEL.score(rows, 20_000, out);
                    return out;
                }));
            }
            for (Future<double[]> run : runs) assertTrue(java.util.Arrays.equals(expected, run.get()));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rejectsNonFiniteTrainingData() {
        double[] rows = TestData.gaussian(100, D, 1);
        rows[17] = Double.NaN;
        assertThrows(IllegalArgumentException.class, () -> IsolationForest.fit(rows, D, IsolationForest.Params.defaults(1)));
        rows[17] = 1e300; // finite as double, infinite as float32
        assertThrows(IllegalArgumentException.class, () -> IsolationForest.fit(rows, D, IsolationForest.Params.defaults(1)));
    }

    @Test
    void smallDataUsesEveryRow() {
        IsolationForest f = IsolationForest.fit(TestData.gaussian(50, D, 2), D, IsolationForest.Params.defaults(1));
        assertEquals(50, f.maxSamples());
        assertEquals(50, f.trees().get(0).samples(0));
    }
}

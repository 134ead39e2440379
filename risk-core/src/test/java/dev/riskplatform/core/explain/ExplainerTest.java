package dev.riskplatform.core.explain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.forest.TestData;
import dev.riskplatform.core.forest.tree.IsolationTree;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplainerTest {

    private static final List<String> NAMES = List.of("a", "b", "c", "d");
    private static final double[] ROWS = TestData.gaussian(5_000, 4, 21);
    private static final IsolationForest MODEL = IsolationForest.fit(ROWS, 4, IsolationForest.Params.defaults(5));
    private static final Explainer EXPLAINER = new Explainer(MODEL, NAMES);

    @Test
    void rowExtremeInOneFeatureNamesThatFeatureFirst() {
        for (int f = 0; f < 4; f++) {
            double[] row = {0.1, -0.2, 0.3, 0.05};
            row[f] = 7.5;
            Explanation e = EXPLAINER.explain(row);
            FeatureContribution top = e.top(1).get(0);
            assertEquals(f, top.feature(), "extreme feature " + f + " got " + e.contributions());
            assertEquals(NAMES.get(f), top.name());
            assertTrue(top.contribution() > 0.5, "dominates: " + top.contribution());
            assertTrue(top.zScore() > 5, "far from the training mean: " + top.zScore());
            assertTrue(top.value() > top.typicalHigh(), "outside the typical range");
        }
    }

    @Test
    void sharesSumToOneAndComeSorted() {
        Explanation e = EXPLAINER.explain(TestData.row(ROWS, 4, 10));
        double sum = 0;
        double prev = Double.POSITIVE_INFINITY;
        for (FeatureContribution c : e.contributions()) {
            sum += c.contribution();
            assertTrue(c.contribution() <= prev);
            prev = c.contribution();
        }
        assertEquals(1.0, sum, 1e-12);
        assertEquals(MODEL.score(TestData.row(ROWS, 4, 10)), e.score());
    }

    @Test
    void creditsAddUpToTheIsolationOfEachPath() {
        // per tree the credits telescope to log2(ψ / samples in the leaf reached)
        double[] row = TestData.row(ROWS, 4, 3);
        float[] x = new float[4];
        for (int f = 0; f < 4; f++) x[f] = (float) row[f];
        double expected = 0;
        for (IsolationTree t : MODEL.trees()) expected += Math.log((double) t.samples(0) / t.samples(t.leafOf(x))) / Math.log(2);
        double total = 0;
        for (double c : EXPLAINER.credits(row)) total += c;
        assertEquals(expected, total, 1e-9);
    }
}

package dev.riskplatform.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.forest.TestData;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void contaminationFlagsThatFractionOfTrainingRows() {
        int n = 4_000;
        double[] rows = TestData.gaussian(n, 4, 3);
        IsolationForest model = IsolationForest.fit(rows, 4, IsolationForest.Params.defaults(3));
        double[] scores = new double[n];
        model.score(rows, n, scores);
        Threshold t = Threshold.fromContamination(scores, 0.02);
        int flagged = 0;
        for (double s : scores) if (t.isAnomaly(s)) flagged++;
        assertEquals(0.02 * n, flagged, 1.0);
        assertEquals(0.02, t.contamination());
    }

    @Test
    void quantileInterpolatesLikeNumpy() {
        // np.percentile([1, 2, 3, 4], 90) = 3.7 (pos 2.7 between 3 and 4)
        assertEquals(3.7, Threshold.fromContamination(new double[] {4, 1, 3, 2}, 0.1).value(), 1e-12);
    }

    @Test
    void fixedThresholdIsStrict() {
        Threshold t = Threshold.fixed(0.6);
        assertTrue(t.isFixed());
        assertFalse(t.isAnomaly(0.6));
        assertTrue(t.isAnomaly(Math.nextUp(0.6)));
        assertThrows(IllegalArgumentException.class, () -> Threshold.fromContamination(new double[] {1}, 0.7));
    }
}

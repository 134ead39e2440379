package dev.riskplatform.core.forest.tree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathLengthTest {

    @Test
    void smallCasesFollowTheDefinition() {
        assertEquals(0.0, PathLength.average(0));
        assertEquals(0.0, PathLength.average(1));
        assertEquals(1.0, PathLength.average(2));
    }

    @Test
    void averageTracksTheHarmonicNumberForm() {
        // The paper defines c(n) = 2 H(n-1) - 2(n-1)/n; sklearn replaces H(k) by ln k + γ,
        // which overestimates H(k) by about 1/(2k), so c differs from the exact form by about 1/k.
        double h = 0;
        for (int n = 3; n <= 5000; n++) {
            h += 1.0 / (n - 2); // h = H(n-2)
            double exact = 2 * (h + 1.0 / (n - 1)) - 2.0 * (n - 1) / n;
            double gap = Math.abs(PathLength.average(n) - exact);
            assertTrue(gap <= 1.0 / (n - 1), "n=" + n + " gap=" + gap);
        }
    }

    @Test
    void maxDepthIsCeilLog2() {
        for (int psi = 1; psi <= 5000; psi++) {
            int expected = (int) Math.ceil(Math.log(Math.max(psi, 2)) / Math.log(2) - 1e-12);
            assertEquals(expected, PathLength.maxDepth(psi), "psi=" + psi);
        }
    }

    @Test
    void roundDownKeepsTheComparisonExact() {
        double[] ts = {0.1, -0.1, 1e-30, 3.3333333333, -7.000000000001, 12345.678901};
        for (double t : ts) {
            float f = PathLength.roundDownToFloat(t);
            assertTrue(f <= t, "rounded down " + t);
            assertTrue(Math.nextUp(f) > t, "largest float <= " + t);
        }
    }
}

package dev.riskplatform.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Kupiec and Christoffersen against a published table and against the arithmetic written out. */
class VarBacktestTest {

    private static final double CHI2_1_95 = 3.841458820694124;

    /**
     * Kupiec (1995), Table 3 as reprinted in Jorion, "Value at Risk" (3rd ed.), Table 6-2: the non-rejection regions
     * of the POF test at the 95 % test level. Each region [lo, hi] is accepted, lo − 1 and hi + 1 rejected.
     */
    @Test
    void kupiecNonRejectionRegionsAreThePublishedOnes() {
        region(0.01, 510, 2, 10);   // 1 < N < 11
        region(0.01, 1000, 5, 16);  // 4 < N < 17
        region(0.025, 255, 3, 11);  // 2 < N < 12
        region(0.025, 1000, 16, 35); // 15 < N < 36
        region(0.05, 255, 7, 20);   // 6 < N < 21
        region(0.05, 510, 17, 35);  // 16 < N < 36
        region(0.05, 1000, 38, 64); // 37 < N < 65
        region(0.10, 255, 17, 35);  // 16 < N < 36
        // p = 0.01, T = 255: "N < 7" (the table prints no lower bound): 6 accepted, 7 rejected.
        assertTrue(VarBacktest.kupiecLr(255, 6, 0.01) < CHI2_1_95);
        assertTrue(VarBacktest.kupiecLr(255, 7, 0.01) > CHI2_1_95);
    }

    private static void region(double p, int t, int lo, int hi) {
        assertTrue(VarBacktest.kupiecLr(t, lo, p) < CHI2_1_95, "accept " + lo + " of " + t + " at " + p);
        assertTrue(VarBacktest.kupiecLr(t, hi, p) < CHI2_1_95, "accept " + hi + " of " + t + " at " + p);
        assertTrue(VarBacktest.kupiecLr(t, lo - 1, p) > CHI2_1_95, "reject " + (lo - 1) + " of " + t + " at " + p);
        assertTrue(VarBacktest.kupiecLr(t, hi + 1, p) > CHI2_1_95, "reject " + (hi + 1) + " of " + t + " at " + p);
    }

    /**
     * T = 250 days of a 99 % VaR, x = 8 exceedances (p = 0.01, x/T = 0.032):
     * <pre>
     *   null: 242 ln 0.99 + 8 ln 0.01   = −2.4321813 − 36.8413615 = −39.2735428
     *   alt:  242 ln 0.968 + 8 ln 0.032 = −7.8706124 − 27.5361550 = −35.4067674
     *   LR_pof = −2(−39.2735428) + 2(−35.4067674) = 78.5470855 − 70.8135348 = 7.7335507
     *   p = erfc(√(7.7335507 / 2)) = erfc(1.9664118) = 0.0054204
     * </pre>
     * and x = 0: LR = −2 · 250 ln 0.99 = 5.0251679 (too few exceedances are rejected too).
     */
    @Test
    void kupiecWorkedExample() {
        double lr = VarBacktest.kupiecLr(250, 8, 0.01);
        assertEquals(7.7335507, lr, 1e-7);
        assertEquals(0.0054204, VarBacktest.pValue1(lr), 1e-7);
        assertEquals(5.0251679, VarBacktest.kupiecLr(250, 0, 0.01), 1e-7);
        assertEquals(0.0, VarBacktest.kupiecLr(100, 1, 0.01), 1e-12); // x/T = p: no evidence against
    }

    /**
     * Transition counts n00 = 233, n01 = 8, n10 = 8, n11 = 1 (250 days, 9 exceedances, one back-to-back pair):
     * <pre>
     *   π01 = 8/241 = 0.0331950, π11 = 1/9 = 0.1111111, π = 9/250 = 0.036
     *   null: 241 ln 0.964 + 9 ln 0.036 = −8.8360202 − 29.9181271 = −38.7541473
     *   alt:  233 ln(1 − 8/241) + 8 ln(8/241) + 8 ln(8/9) + 1 ln(1/9)
     *       = −7.8657258 − 27.2428431 − 0.9422643 − 2.1972246 = −38.2480578
     *   LR_ind = −2(−38.7541473) + 2(−38.2480578) = 1.0121790,   p = erfc(√(1.0121790/2)) = 0.3143814
     * </pre>
     * No back-to-back exceedance (n11 = 0) with n01 = n10 = 6, n00 = 238: LR_ind = 0.2951117.
     */
    @Test
    void christoffersenWorkedExample() {
        double lr = VarBacktest.christoffersenLr(233, 8, 8, 1);
        assertEquals(1.0121790, lr, 1e-7);
        assertEquals(0.3143814, VarBacktest.pValue1(lr), 1e-7);
        assertEquals(0.2951117, VarBacktest.christoffersenLr(238, 6, 6, 0), 1e-7);
        assertEquals(0.0, VarBacktest.christoffersenLr(249, 0, 0, 0), 1e-12); // no exceedance: nothing to cluster
    }

    /** LR_cc = LR_pof + LR_ind on χ²(2): 7.7335507 + 1.0121790 = 8.7457297, p = exp(−8.7457297/2) = 0.0126150. */
    @Test
    void conditionalCoverage() {
        double cc = VarBacktest.kupiecLr(250, 8, 0.01) + VarBacktest.christoffersenLr(233, 8, 8, 1);
        assertEquals(8.7457297, cc, 1e-7);
        assertEquals(0.0126150, VarBacktest.pValue2(cc), 1e-7);
    }
}

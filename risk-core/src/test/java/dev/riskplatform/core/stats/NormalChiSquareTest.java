package dev.riskplatform.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Against published values (Abramowitz &amp; Stegun tables; the usual chi-square critical values). */
class NormalChiSquareTest {

    @Test
    void erfcMatchesPublishedValuesOnBothBranches() {
        assertEquals(0.4795001221869535, Normal.erfc(0.5), 1e-15); // the series (x < 1)
        assertEquals(0.15729920705028513, Normal.erfc(1.0), 1e-15);
        assertEquals(0.004677734981047266, Normal.erfc(2.0), 1e-16);
        assertEquals(4.069520174449590e-04, Normal.erfc(2.5), 1e-17); // the continued fraction (x ≥ 1)
        assertEquals(2.209049699858544e-05, Normal.erfc(3.0), 1e-18);
        assertEquals(1.5374597944280349e-12, Normal.erfc(5.0), 1e-24);
        assertEquals(2 - 0.15729920705028513, Normal.erfc(-1.0), 1e-15);
        assertEquals(0.8427007929497149, Normal.erf(1.0), 1e-15);
    }

    @Test
    void quantilesAreThePublishedZValues() {
        assertEquals(1.6448536269514722, Normal.quantile(0.95), 1e-14);
        assertEquals(2.3263478740408408, Normal.quantile(0.99), 1e-14);
        assertEquals(1.959963984540054, Normal.quantile(0.975), 1e-14);
        assertEquals(-2.3263478740408408, Normal.quantile(0.01), 1e-14); // lower tail branch
        assertEquals(0.0, Normal.quantile(0.5), 1e-15);
        assertEquals(0.10313564037537128, Normal.pdf(1.6448536269514722), 1e-15); // φ(z_0.95)
    }

    @Test
    void chiSquareTailsAtTheCriticalValues() {
        // 1 dof: 3.841459 and 6.634897 are the 95 % and 99 % critical values; 2 dof: 5.991465 the 95 % one.
        assertEquals(0.05, ChiSquare.pValue1(3.841458820694124), 1e-13);
        assertEquals(0.01, ChiSquare.pValue1(6.634896601021214), 1e-13);
        assertEquals(0.95, ChiSquare.cdf1(3.841458820694124), 1e-13);
        assertEquals(0.05, ChiSquare.pValue2(5.991464547107979), 1e-13);
        assertEquals(0.95, ChiSquare.cdf2(5.991464547107979), 1e-13);
        assertEquals(1.0, ChiSquare.pValue1(0.0));
        assertEquals(1.0, ChiSquare.pValue2(0.0));
    }
}

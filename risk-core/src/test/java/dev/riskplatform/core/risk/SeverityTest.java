package dev.riskplatform.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SeverityTest {

    @Test
    void bandsAreSharesOfTheHeadroomAboveTheThreshold() {
        // threshold 0.6: headroom 0.4, band edges at 0.64, 0.68, 0.76
        assertEquals(Severity.LOW, Severity.of(0.62, 0.6));
        assertEquals(Severity.MEDIUM, Severity.of(0.65, 0.6));
        assertEquals(Severity.HIGH, Severity.of(0.70, 0.6));
        assertEquals(Severity.CRITICAL, Severity.of(0.80, 0.6));
    }

    @Test
    void theSameMarginIsWorseUnderAHigherThreshold() {
        // a 0.04 margin is 8% of the headroom under 0.5; 0.05 is half of it under 0.9
        assertEquals(Severity.LOW, Severity.of(0.54, 0.5));
        assertEquals(Severity.CRITICAL, Severity.of(0.95, 0.9));
    }

    @Test
    void aScoreAtTheThresholdIsNotAnAlert() {
        assertThrows(IllegalArgumentException.class, () -> Severity.of(0.6, 0.6));
    }
}

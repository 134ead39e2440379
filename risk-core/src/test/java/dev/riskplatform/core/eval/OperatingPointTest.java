package dev.riskplatform.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bar-level and event-level counts at a threshold, on a hand-counted example. */
class OperatingPointTest {

    @Test
    void barsAndEventsAreCountedByTheirDefinitions() {
        // rows:     0    1    2    3    4    5    6    7    8    9
        boolean[] y = {false, true, true, true, false, true, false, true, true, false};
        double[] s = {0.9, 0.1, 0.8, 0.7, 0.2, 0.1, 0.95, 0.1, 0.1, 0.3};
        OperatingPoint p = OperatingPoint.of(s, y, 0.5);
        // alerts at rows 0, 2, 3, 6: hits 2 (rows 2, 3) of 6 labelled rows; 2 false alerts of 4 unlabelled rows
        assertEquals(4, p.alerts());
        assertEquals(2, p.hits());
        assertEquals(6, p.positives());
        assertEquals(0.5, p.precision(), 1e-12);
        assertEquals(2.0 / 6, p.recall(), 1e-12);
        assertEquals(2.0 / 4, p.falseAlertRate(), 1e-12);
        // events: rows 1–3 (caught by 2 and 3), row 5 (missed), rows 7–8 (missed)
        assertEquals(3, p.events());
        assertEquals(1, p.eventsCaught());
        assertEquals(1.0 / 3, p.eventRecall(), 1e-12);
    }

    @Test
    void anEventRunningToTheLastRowCountsOnce() {
        OperatingPoint p = OperatingPoint.of(new double[] {0.1, 0.9, 0.9}, new boolean[] {false, true, true}, 0.5);
        assertEquals(1, p.events());
        assertEquals(1, p.eventsCaught());
        assertEquals(1.0, p.recall(), 1e-12);
    }
}

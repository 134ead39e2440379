package dev.riskplatform.batch.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.risk.DailyRiskCalculator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A stored day inside the run's range is read only when a window needs it and the run did not compute it, once. */
class RunClosesTest {

    private static final int H = DailyRiskCalculator.HISTORY_DAYS;
    private static final LocalDate FROM = LocalDate.of(2025, 3, 1);
    private final List<LocalDate> reads = new ArrayList<>();

    private RunCloses closes() {
        return new RunCloses(Map.of(FROM.minusDays(1), 90.0), Map.of(), Set.of(FROM, FROM.plusDays(1), FROM.plusDays(2)), d -> {
            reads.add(d);
            if (d.equals(FROM.plusDays(2))) throw new IllegalStateException("damaged");
            return 100.0 + d.getDayOfMonth();
        });
    }

    @Test
    void computedDaysAreNeverReadAndAMissingDayIsReadOnce() {
        RunCloses c = closes();
        c.record(FROM, 10.0);
        double[] w = c.before(FROM.plusDays(1));
        assertEquals(10.0, w[H - 1]);
        assertEquals(90.0, w[H - 2], "a stored day before the range");
        assertEquals(List.of(), reads, "the run computed " + FROM + ": its stored close is not read");

        // FROM + 1 is not computed (missing input): the next windows read its stored close, once.
        assertEquals(102.0, c.before(FROM.plusDays(2))[H - 1]);
        c.record(FROM.plusDays(2), 12.0);
        double[] later = c.before(FROM.plusDays(3));
        assertEquals(102.0, later[H - 2]);
        assertEquals(12.0, later[H - 1]);
        assertEquals(List.of(FROM.plusDays(1)), reads);
    }

    @Test
    void anUnreadableStoredDayFailsOnlyTheWindowsThatNeedItUnlessRecomputed() {
        RunCloses c = closes();
        c.record(FROM, 10.0);
        c.record(FROM.plusDays(1), 11.0);
        var e = assertThrows(IllegalStateException.class, () -> c.before(FROM.plusDays(3)));
        assertTrue(e.getMessage().contains("stored metrics of " + FROM.plusDays(2) + " unreadable"), e.getMessage());
        c.record(FROM.plusDays(2), 12.0);
        assertEquals(12.0, c.before(FROM.plusDays(3))[H - 1], "recomputed: the damaged file is no longer needed");
        assertEquals(List.of(FROM.plusDays(2)), reads);
    }
}

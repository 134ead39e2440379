package dev.riskplatform.detector.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecentHistoryTest {

    @Test
    void keepsTheLastEventsAndAlertsEventsFirst() {
        RecentHistory h = new RecentHistory(2, 1);
        h.add("e1", false);
        h.add("a1", true);
        h.add("e2", false);
        h.add("e3", false);
        h.add("a2", true);
        assertEquals(List.of("e2", "e3", "a2"), h.snapshot());
    }
}

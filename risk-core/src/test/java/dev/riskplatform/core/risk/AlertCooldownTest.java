package dev.riskplatform.core.risk;

import static dev.riskplatform.core.risk.AlertCooldown.Decision.MERGED;
import static dev.riskplatform.core.risk.AlertCooldown.Decision.NEW_EPISODE;
import static dev.riskplatform.core.risk.AlertCooldown.Decision.NORMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class AlertCooldownTest {

    private static final long MIN = 60_000L;

    @Test
    void anomalousBarsWithinTheCooldownOfTheEpisodeStartAreMergedAndCounted() {
        AlertCooldown c = new AlertCooldown(MIN, 5);
        assertEquals(NORMAL, c.onBar(0, false));
        assertEquals(NEW_EPISODE, c.onBar(MIN, true));
        assertEquals(MERGED, c.onBar(2 * MIN, true));
        assertEquals(NORMAL, c.onBar(3 * MIN, false));
        assertEquals(MERGED, c.onBar(5 * MIN, true), "a normal bar in between does not end the episode");
        assertEquals(3, c.episodeBars());
        assertEquals(MIN, c.episodeStart());
    }

    @Test
    void theWindowIsAnchoredAtTheEpisodeStartSoAPersistentAnomalyIsReAlertedOncePerCooldown() {
        AlertCooldown c = new AlertCooldown(MIN, 3);
        assertEquals(NEW_EPISODE, c.onBar(0, true));
        assertEquals(MERGED, c.onBar(MIN, true));
        assertEquals(MERGED, c.onBar(2 * MIN, true));
        assertEquals(NEW_EPISODE, c.onBar(3 * MIN, true), "3 bars after the start is outside a 3-bar cool-down");
        assertEquals(1, c.episodeBars());
    }

    @Test
    void aCooldownOfOneBarAlertsEveryAnomalousBar() {
        AlertCooldown c = new AlertCooldown(MIN, 1);
        assertEquals(NEW_EPISODE, c.onBar(0, true));
        assertEquals(NEW_EPISODE, c.onBar(MIN, true));
    }

    @Test
    void refusesANonPositiveCooldown() {
        assertThrows(IllegalArgumentException.class, () -> new AlertCooldown(MIN, 0));
    }
}

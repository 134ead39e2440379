package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlidingWindowLimiterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void fiveMessagesPerSecondThenWaitForTheOldestToLeaveTheWindow() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(5, Duration.ofSeconds(1));
        for (int i = 0; i < 5; i++) assertEquals(Duration.ZERO, limiter.tryAcquire(i * 100_000_000L));
        assertEquals(Duration.ofMillis(500), limiter.tryAcquire(500_000_000L), "6th in the same second waits for the 1st to expire");
        assertEquals(Duration.ZERO, limiter.tryAcquire(SECOND), "the 1st left the window");
        assertEquals(Duration.ofMillis(100), limiter.tryAcquire(SECOND), "refusals take no permit");
    }

    @Test
    void threeHundredConnectsPerFiveMinutes() {
        SlidingWindowLimiter limiter = new SlidingWindowLimiter(300, Duration.ofMinutes(5));
        for (int i = 0; i < 300; i++) assertEquals(Duration.ZERO, limiter.tryAcquire(i * SECOND / 10));
        Duration wait = limiter.tryAcquire(30 * SECOND);
        assertEquals(Duration.ofMinutes(5).minusSeconds(30), wait);
        assertEquals(Duration.ZERO, limiter.tryAcquire(300 * SECOND));
    }

    @Test
    void backoffGrowsWithJitterUpToTheMaximumAndResets() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(2));
        long[] ceilings = {100, 200, 400, 800, 1600, 2000, 2000};
        for (long c : ceilings) {
            long ms = b.next().toMillis();
            assertTrue(ms >= c / 2 && ms <= c, ms + " not in [" + c / 2 + ", " + c + "]");
        }
        b.reset();
        assertTrue(b.next().toMillis() <= 100);
    }
}

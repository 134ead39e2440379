package dev.riskplatform.ingestor.binance;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with jitter: the n-th retry waits a random time in [c/2, c] with
 * c = min(max, initial * 2^n) (half is kept so a retry never fires at once). Jitter keeps many ingestors from reconnecting in lock-step
 * after a Binance-wide disconnect (and tripping the 300 connects / 5 min limit together).
 */
public final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private int attempt;

    public Backoff(Duration initial, Duration max) {
        this.initialMillis = Math.max(1, initial.toMillis());
        this.maxMillis = Math.max(initialMillis, max.toMillis());
    }

    public synchronized Duration next() {
        long ceiling = Math.min(maxMillis, initialMillis << Math.min(attempt, 30));
        attempt++;
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    /** After a connection proved healthy. */
    public synchronized void reset() {
        attempt = 0;
    }
}

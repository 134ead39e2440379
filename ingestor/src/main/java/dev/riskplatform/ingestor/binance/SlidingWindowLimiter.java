package dev.riskplatform.ingestor.binance;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * At most {@code permits} events in any window of {@code window} (Binance: 5 outgoing messages
 * per second per connection, 300 connection attempts per 5 minutes per IP). A sliding log, not
 * a token bucket: Binance counts in windows, and a bucket's burst could exceed them.
 * Thread-safe; times are caller-supplied nanos so tests need no sleeping.
 */
public final class SlidingWindowLimiter {

    private final int permits;
    private final long windowNanos;
    private final ArrayDeque<Long> granted = new ArrayDeque<>();

    public SlidingWindowLimiter(int permits, Duration window) {
        if (permits < 1) throw new IllegalArgumentException("permits must be >= 1");
        this.permits = permits;
        this.windowNanos = window.toNanos();
    }

    /** Takes a permit now if one is free; otherwise returns how long until one is (and takes nothing). */
    public synchronized Duration tryAcquire(long nowNanos) {
        while (!granted.isEmpty() && nowNanos - granted.peekFirst() >= windowNanos) granted.pollFirst();
        if (granted.size() < permits) {
            granted.addLast(nowNanos);
            return Duration.ZERO;
        }
        return Duration.ofNanos(granted.peekFirst() + windowNanos - nowNanos);
    }
}

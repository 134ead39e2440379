package dev.riskplatform.detector.delivery;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * Up to {@code maxAttempts} tries with doubling back-off (capped at 30 s). A success counts as
 * delivered; the last failure counts as failed and is logged with the alert, so nothing is dropped
 * silently. A stop during the back-off throws {@link Stopping}: the record stays uncommitted and is
 * delivered again after the restart.
 */
final class Retry {

    private static final Logger LOG = Logger.getLogger(Retry.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    interface Call {
        void run() throws Exception;
    }

    static final class Stopping extends RuntimeException {
        Stopping() {
            super("forwarder stopping", null, false, false);
        }
    }

    private final int maxAttempts;
    private final Duration backoff;
    private final DeliveryMetrics metrics;
    private final BooleanSupplier running;

    Retry(int maxAttempts, Duration backoff, DeliveryMetrics metrics, BooleanSupplier running) {
        if (maxAttempts < 1) throw new IllegalArgumentException("delivery.max-attempts must be >= 1, got " + maxAttempts);
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
        this.metrics = metrics;
        this.running = running;
    }

    /** True when the sink accepted; false when it was given up (counted and logged). */
    boolean attempt(AlertSink sink, String action, Episode e, Call call) {
        Duration wait = backoff;
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                metrics.delivered(sink.name(), action).increment();
                LOG.debugf("%s %s of alert %s delivered", sink.name(), action, e.alertId());
                return true;
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new Stopping();
            } catch (Exception ex) {
                if (attempt >= maxAttempts) {
                    metrics.failed(sink.name(), action).increment();
                    LOG.errorf("%s %s of alert %s given up after %d attempts: %s; alert: %s", sink.name(), action,
                            e.alertId(), attempt, ex.toString(), e.raw() != null ? e.raw() : e.labels());
                    return false;
                }
                LOG.warnf("%s %s of alert %s failed (attempt %d of %d), again in %s: %s", sink.name(), action,
                        e.alertId(), attempt, maxAttempts, wait, ex.toString());
                sleep(wait);
                wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
            }
        }
    }

    private void sleep(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (System.nanoTime() < until) {
            if (!running.getAsBoolean()) throw new Stopping();
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new Stopping();
            }
        }
    }
}

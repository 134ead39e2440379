package dev.riskplatform.ingestor.archive;

import java.time.Duration;
import java.time.Instant;

/**
 * What the archive loop is doing, for readiness and metrics: written by the loop's thread, read by
 * health probes and the metrics scrape.
 */
public final class ArchiveStatus {

    public enum State { RUNNING, FAILING, STOPPED }

    /** One consistent view; {@code failingSince}, {@code error} and {@code nextRetry} are null while RUNNING. */
    public record Snapshot(State state, Instant failingSince, String error, Instant nextRetry, int consecutiveFailures,
                           long totalFailures, Instant lastWrite) {
    }

    private State state = State.RUNNING;
    private Instant failingSince;
    private String error;
    private Instant nextRetry;
    private int consecutiveFailures;
    private long totalFailures;
    private Instant lastWrite;

    /** A write (and its offset commit) failed; the same batch is retried in {@code retryIn}. */
    public synchronized void failed(Throwable e, Duration retryIn, Instant now) {
        if (state != State.FAILING) failingSince = now;
        state = State.FAILING;
        error = describe(e);
        nextRetry = now.plus(retryIn);
        consecutiveFailures++;
        totalFailures++;
    }

    /** A batch is durable in S3 and its offsets committed. */
    public synchronized void written(Instant now) {
        state = State.RUNNING;
        failingSince = null;
        error = null;
        nextRetry = null;
        consecutiveFailures = 0;
        lastWrite = now;
    }

    /** The loop ended on an error it cannot retry; nothing is archived until a restart. */
    public synchronized void stopped(Throwable e, Instant now) {
        if (state != State.FAILING) failingSince = now;
        state = State.STOPPED;
        error = describe(e);
        nextRetry = null;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(state, failingSince, error, nextRetry, consecutiveFailures, totalFailures, lastWrite);
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    public synchronized long totalFailures() {
        return totalFailures;
    }

    static String describe(Throwable e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

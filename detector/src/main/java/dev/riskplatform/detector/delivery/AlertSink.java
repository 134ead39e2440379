package dev.riskplatform.detector.delivery;

import java.io.IOException;
import java.time.Instant;

/** A destination for alerts. A call returns only when the sink accepted the request (2xx); else it throws. */
interface AlertSink {

    /** The metric tag and log name: {@code alertmanager} or {@code webhook}. */
    String name();

    void fire(Episode episode) throws IOException, InterruptedException;

    /** Ends the episode at {@code endsAt}; sinks without a notion of resolution ignore it. */
    default void resolve(Episode episode, Instant endsAt) throws IOException, InterruptedException {
    }

    default boolean resolves() {
        return false;
    }
}

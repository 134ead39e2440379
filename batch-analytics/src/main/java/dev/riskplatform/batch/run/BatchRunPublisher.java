package dev.riskplatform.batch.run;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Announces a finished (symbol, day) on {@code batch_runs} so readers know fresh metrics exist. */
@ApplicationScoped
public class BatchRunPublisher {

    public static final String CHANNEL = "batch-runs";

    private final MutinyEmitter<Record<String, String>> emitter;

    public BatchRunPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged the record. */
    public Uni<Void> publish(String key, String json) {
        return emitter.send(Record.of(key, json));
    }
}

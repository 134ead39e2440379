package dev.riskplatform.batch.run;

import dev.riskplatform.service.messaging.KeyedJsonPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Announces a finished (symbol, day) on {@code batch_runs} so readers know fresh metrics exist. */
@ApplicationScoped
public class BatchRunPublisher extends KeyedJsonPublisher {

    public static final String CHANNEL = "batch-runs";

    /** For CDI's client proxy only. */
    protected BatchRunPublisher() {
    }

    public BatchRunPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, String>> emitter) {
        super(emitter);
    }
}

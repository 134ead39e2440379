package dev.riskplatform.detector.stream;

import dev.riskplatform.service.messaging.KeyedJsonPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes refused {@code market_prices} records to {@code detector_dlq} under their original key. */
@ApplicationScoped
public class DeadLetterPublisher extends KeyedJsonPublisher {

    public static final String CHANNEL = "detector-dlq";

    /** For CDI's client proxy only. */
    protected DeadLetterPublisher() {
    }

    public DeadLetterPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                              MutinyEmitter<Record<String, String>> emitter) {
        super(emitter);
    }
}

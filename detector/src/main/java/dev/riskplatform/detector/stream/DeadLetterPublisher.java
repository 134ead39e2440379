package dev.riskplatform.detector.stream;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes refused {@code market_prices} records to {@code detector_dlq} under their original key. */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "detector-dlq";

    private final MutinyEmitter<Record<String, String>> emitter;

    public DeadLetterPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                              MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged the record (lazy: sends on subscription). */
    public Uni<Void> publish(String key, String json) {
        return emitter.send(Record.of(key, json));
    }

    /** Sends now, so records leave in call order; completes on the broker's acknowledgement. */
    public CompletableFuture<Void> sendNow(String key, String json) {
        return publish(key, json).subscribeAsCompletionStage();
    }
}

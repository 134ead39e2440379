package dev.riskplatform.detector.stream;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes one risk calculation per closed bar to {@code risk_events}, keyed by symbol. */
@ApplicationScoped
public class RiskEventPublisher {

    public static final String CHANNEL = "risk-events";

    private final MutinyEmitter<Record<String, String>> emitter;

    public RiskEventPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
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

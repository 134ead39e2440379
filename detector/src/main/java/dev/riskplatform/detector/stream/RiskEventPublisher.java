package dev.riskplatform.detector.stream;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes one risk calculation per closed bar to {@code risk_events}, keyed by symbol. */
@ApplicationScoped
public class RiskEventPublisher {

    public static final String CHANNEL = "risk-events";

    private final MutinyEmitter<Record<String, String>> emitter;

    public RiskEventPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged the record. */
    public Uni<Void> publish(String key, String json) {
        return emitter.send(Record.of(key, json));
    }
}

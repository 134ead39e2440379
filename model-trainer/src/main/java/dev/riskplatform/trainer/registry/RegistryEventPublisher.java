package dev.riskplatform.trainer.registry;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Announces a registered model version on {@code model_registry}, keyed by model name. */
@ApplicationScoped
public class RegistryEventPublisher {

    public static final String CHANNEL = "model-registry";

    private final MutinyEmitter<Record<String, String>> emitter;

    public RegistryEventPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged the record. */
    public Uni<Void> publish(String key, String json) {
        return emitter.send(Record.of(key, json));
    }
}

package dev.riskplatform.trainer.registry;

import dev.riskplatform.service.messaging.KeyedJsonPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Announces a registered model version on {@code model_registry}, keyed by model name. */
@ApplicationScoped
public class RegistryEventPublisher extends KeyedJsonPublisher {

    public static final String CHANNEL = "model-registry";

    /** For CDI's client proxy only. */
    protected RegistryEventPublisher() {
    }

    public RegistryEventPublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, String>> emitter) {
        super(emitter);
    }
}

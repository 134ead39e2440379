package dev.riskplatform.detector.model;

import dev.riskplatform.io.topic.ModelRegistryMessage;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Hot reload triggers. The {@code model_registry} event is only a hint to read registry.json again
 * (the registry is the truth, the event may be lost or stale); the poll is the fallback when it is.
 */
@ApplicationScoped
public class ModelRegistryListener {

    public static final String CHANNEL = "model-registry";

    private final ModelManager models;

    public ModelRegistryListener(ModelManager models) {
        this.models = models;
    }

    /** Re-reads only the registry the event names (its {@code model}); an event its codec refuses, every registry. */
    @Incoming(CHANNEL)
    public void onRegistered(String event) {
        models.requestReload("event", modelOf(event));
    }

    static String modelOf(String event) {
        try {
            return ModelRegistryMessage.parse(event).model();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    @Scheduled(every = "${detector.model-poll-interval:30s}", delayed = "${detector.model-poll-interval:30s}")
    void poll() {
        models.requestReload("poll");
    }
}

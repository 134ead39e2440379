package dev.riskplatform.detector.model;

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

    @Incoming(CHANNEL)
    public void onRegistered(String event) {
        models.requestReload("event");
    }

    @Scheduled(every = "${detector.model-poll-interval:30s}", delayed = "${detector.model-poll-interval:30s}")
    void poll() {
        models.requestReload("poll");
    }
}

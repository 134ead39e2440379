package dev.riskplatform.detector.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelManager models;

    public ModelRegistryListener(ModelManager models) {
        this.models = models;
    }

    /** Re-reads only the registry the event names (its {@code model}); an event without a readable name, every registry. */
    @Incoming(CHANNEL)
    public void onRegistered(String event) {
        models.requestReload("event", modelOf(event));
    }

    static String modelOf(String event) {
        try {
            JsonNode model = event == null ? null : JSON.readTree(event).get("model");
            return model != null && model.isTextual() ? model.asText() : null;
        } catch (Exception e) {
            return null;
        }
    }

    @Scheduled(every = "${detector.model-poll-interval:30s}", delayed = "${detector.model-poll-interval:30s}")
    void poll() {
        models.requestReload("poll");
    }
}

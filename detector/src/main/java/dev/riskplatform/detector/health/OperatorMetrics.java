package dev.riskplatform.detector.health;

import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.detector.model.ActiveModel;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.service.registry.ModelRegistryStore;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.SmallRyeHealthReporter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The facts the operator alert rules (ops/prometheus/rules.yml) need and no other meter has:
 * <ul>
 * <li>{@code detector_ready}: 1 while /q/health/ready is UP, 0 while DOWN (Kafka, S3 or no model), refreshed
 * every 10 s off the scrape;</li>
 * <li>{@code detector_model_registered_timestamp_seconds}: when the serving version was registered (its
 * registry entry's {@code registeredAt}), -1 before the first model. {@code detector_model_age_seconds} counts
 * from the load, so a restart resets it; this one does not. The registry is read only when the serving
 * version changes;</li>
 * <li>{@code detector_model_retrain_interval_seconds}: {@code risk.model.retrain-interval} (default 7 days), how
 * often the trainer is meant to produce a new model: a serving model older than that is stale.</li>
 * </ul>
 */
@Startup
@ApplicationScoped
public class OperatorMetrics {

    private static final Logger LOG = Logger.getLogger(OperatorMetrics.class);

    private final ModelManager models;
    private final ModelRegistryStore registry;
    private final SmallRyeHealthReporter health;
    private final AtomicLong ready = new AtomicLong(0);
    private final AtomicLong registeredAtMillis = new AtomicLong(-1);
    private volatile String registeredFor = "";

    public OperatorMetrics(ModelManager models, ModelRegistryStore registry, SmallRyeHealthReporter health, MeterRegistry meters,
                           @ConfigProperty(name = "risk.model.retrain-interval", defaultValue = "7d") Duration retrainInterval) {
        this.models = models;
        this.registry = registry;
        this.health = health;
        Gauge.builder("detector.ready", ready, AtomicLong::get)
                .description("1 while the readiness check (Kafka, S3, a verified model) is UP, else 0").register(meters);
        Gauge.builder("detector.model.registered.timestamp.seconds", registeredAtMillis,
                        r -> r.get() < 0 ? -1 : r.get() / 1000.0)
                .description("Registry time (epoch seconds) of the model version serving now; -1 before the first one")
                .register(meters);
        // strongReference: a gauge holds its object weakly, and nothing else keeps this Duration (it read NaN after a GC).
        Gauge.builder("detector.model.retrain.interval.seconds", retrainInterval, Duration::toSeconds)
                .description("risk.model.retrain-interval: a serving model registered longer ago than this is stale")
                .strongReference(true).register(meters);
    }

    @Scheduled(every = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        ready.set(health.getReadiness().isDown() ? 0 : 1);
        ActiveModel m = models.current();
        if (m == null) return;
        String key = m.scoring().name() + "/" + m.version() + "/" + m.sha256();
        if (key.equals(registeredFor)) return;
        try {
            long at = registry.read(m.scoring().name())
                    .flatMap(doc -> doc.version((int) m.version()))
                    .filter(e -> e.sha256().equals(m.sha256()))
                    .map(RegistryEntry::registeredAt)
                    .orElse(-1L);
            registeredAtMillis.set(at);
            registeredFor = key; // also when not found: a registry without the serving version is not re-read every 10 s
        } catch (Exception e) {
            LOG.debugf("registry unreadable for the model-age metric (retried in 10 s): %s", e);
        }
    }
}

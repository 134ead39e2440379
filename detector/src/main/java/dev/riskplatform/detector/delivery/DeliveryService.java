package dev.riskplatform.detector.delivery;

import dev.riskplatform.detector.model.DetectorConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Starts the alert forwarder when {@code delivery.alertmanager.url} or {@code delivery.webhook.url}
 * is set; otherwise nothing runs. Episodes end after {@code detector.cooldown-bars}, the detector's own
 * episode length, so both agree on when a new alert may come.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final DeliveryConfig config;
    private final DetectorConfig detector;
    private final MeterRegistry meters;
    private final String bootstrapServers;
    private AlertForwarder forwarder;

    public DeliveryService(DeliveryConfig config, DetectorConfig detector, MeterRegistry meters,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.detector = detector;
        this.meters = meters;
        this.bootstrapServers = bootstrapServers;
    }

    void onStart(@Observes StartupEvent ev) {
        List<AlertSink> sinks = sinks(config);
        if (sinks.isEmpty()) {
            LOG.info("alert delivery off (set delivery.alertmanager.url and/or delivery.webhook.url)");
            return;
        }
        DeliveryMetrics metrics = new DeliveryMetrics(meters, sinks.stream().map(AlertSink::name).toList());
        forwarder = new AlertForwarder(new AlertForwarder.Settings(bootstrapServers, config.groupId(), detector.cooldownBars(),
                config.dashboardUrl(), config.maxAttempts(), config.retryBackoff(), config.maxAge(),
                config.alertmanager().refreshInterval()), sinks, metrics);
        forwarder.start();
        LOG.infof("alert delivery on: %s, consumer group %s", sinks.stream().map(AlertSink::name).toList(), config.groupId());
    }

    void onStop(@Observes ShutdownEvent ev) {
        if (forwarder != null) forwarder.close();
    }

    /** The configured sinks; a webhook URL without a secret fails the start with that reason. */
    static List<AlertSink> sinks(DeliveryConfig config) {
        Http http = new Http(config.requestTimeout());
        List<AlertSink> sinks = new ArrayList<>(2);
        config.alertmanager().url().ifPresent(url -> sinks.add(new AlertmanagerSink(url, http)));
        config.webhook().url().ifPresent(url -> sinks.add(new WebhookSink(url, config.webhook().secret().orElse(null), http)));
        return sinks;
    }
}

package dev.riskplatform.ingestor.health;

import dev.riskplatform.ingestor.binance.LiveIngestor;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while the trade stream is connected (Kafka and S3 have their own checks in service-support). Its data
 * names each connection and whether it is up: {@code connection-0: up, 1024 of 1024 streams subscribed}.
 */
@Readiness
@ApplicationScoped
public class StreamReadinessCheck implements HealthCheck {

    private final LiveIngestor ingestor;
    private final String mode;

    public StreamReadinessCheck(LiveIngestor ingestor, @ConfigProperty(name = "ingestor.mode", defaultValue = "live") String mode) {
        this.ingestor = ingestor;
        this.mode = mode;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("binance-stream").withData("mode", mode);
        ingestor.connectionStates().forEach(builder::withData);
        // mode=off (tests, history-only jobs): no stream is expected, so none is missing.
        return "off".equals(mode) ? builder.up().build() : builder.status(ingestor.anyConnected()).build();
    }
}

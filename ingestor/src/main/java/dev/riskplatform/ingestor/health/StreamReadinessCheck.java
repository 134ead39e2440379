package dev.riskplatform.ingestor.health;

import dev.riskplatform.ingestor.binance.LiveIngestor;
import dev.riskplatform.ingestor.binance.LiveStartup;
import jakarta.enterprise.context.ApplicationScoped;
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
    private final LiveStartup startup;

    public StreamReadinessCheck(LiveIngestor ingestor, LiveStartup startup) {
        this.ingestor = ingestor;
        this.startup = startup;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("binance-stream").withData("mode", startup.mode());
        ingestor.connectionStates().forEach(builder::withData);
        // mode=off (tests, history-only jobs): no stream is expected, so none is missing.
        return startup.streams() ? builder.status(ingestor.anyConnected()).build() : builder.up().build();
    }
}

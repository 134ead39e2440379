package dev.riskplatform.ingestor.health;

import dev.riskplatform.ingestor.publish.PublishGate;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while Kafka has acknowledged nothing for {@link #STALL_MS} with records waiting: the reason says so, and that
 * trades are deferred for the REST backfill. Readiness only: the process is healthy (it reads, answers pings, serves
 * its endpoints) and must not be restarted for a broker outage, so liveness stays UP.
 */
@Readiness
@ApplicationScoped
public class KafkaPublishReadinessCheck implements HealthCheck {

    /** Longer than a healthy broker's slowest acknowledgement, short enough for an operator to see an outage. */
    static final long STALL_MS = 5_000;

    private final PublishGate gate;

    public KafkaPublishReadinessCheck(PublishGate gate) {
        this.gate = gate;
    }

    @Override
    public HealthCheckResponse call() {
        long stalled = gate.stalledMillis();
        var builder = HealthCheckResponse.named("kafka-publish").withData("in-flight", gate.inFlight());
        if (stalled < STALL_MS) return builder.up().build();
        String refusal = gate.lastRefusal();
        return builder.down().withData("reason", "Kafka unavailable: no acknowledgement for " + stalled / 1000 + " s with "
                + gate.inFlight() + " records waiting" + (refusal == null ? "" : " (producer: " + refusal + ")")
                + "; live trades past the buffer are deferred and backfilled from REST once Kafka is back").build();
    }
}

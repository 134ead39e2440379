package dev.riskplatform.detector.stream;

import dev.riskplatform.service.messaging.KeyedJsonPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes one risk calculation per closed bar to {@code risk_events}, keyed by symbol. */
@ApplicationScoped
public class RiskEventPublisher extends KeyedJsonPublisher {

    public static final String CHANNEL = "risk-events";

    /** For CDI's client proxy only. */
    protected RiskEventPublisher() {
    }

    public RiskEventPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                              MutinyEmitter<Record<String, String>> emitter) {
        super(emitter);
    }
}

package dev.riskplatform.detector.stream;

import dev.riskplatform.service.messaging.KeyedJsonPublisher;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes one alert per market episode to {@code risk_alerts}, keyed by symbol. */
@ApplicationScoped
public class AlertPublisher extends KeyedJsonPublisher {

    public static final String CHANNEL = "risk-alerts";

    /** For CDI's client proxy only. */
    protected AlertPublisher() {
    }

    public AlertPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384)
                              MutinyEmitter<Record<String, String>> emitter) {
        super(emitter);
    }
}

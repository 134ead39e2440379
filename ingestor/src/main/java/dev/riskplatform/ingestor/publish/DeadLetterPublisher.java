package dev.riskplatform.ingestor.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Refused input to {@code market_prices_dlq}: reason + the raw text unchanged (docs/topics.md). */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "market-prices-dlq";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Emitter<Record<String, String>> emitter;
    private final PublishGate gate;

    // The gate bounds dead letters by size (a KiB a unit): a garbage flood stops the reads before this fills.
    public DeadLetterPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16_384)
                               Emitter<Record<String, String>> emitter, PublishGate gate) {
        this.emitter = emitter;
        this.gate = gate;
    }

    /** {@code symbol} may be null (unreadable message): the record then has no key. {@code outcome} hears of the reason. */
    public void publish(String symbol, String reason, String raw, String source, PublishGate.Outcome<String> outcome) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("reason", reason);
        value.put("raw", raw);
        value.put("source", source);
        value.put("at", System.currentTimeMillis());
        try {
            gate.send(emitter, symbol, JSON.writeValueAsString(value), reason, outcome);
        } catch (JsonProcessingException e) {
            outcome.failed(reason, e);
        }
    }
}

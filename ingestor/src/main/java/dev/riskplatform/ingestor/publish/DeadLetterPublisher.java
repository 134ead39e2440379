package dev.riskplatform.ingestor.publish;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Refused input to {@code market_prices_dlq}: reason + the raw text unchanged (docs/topics.md). */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "market-prices-dlq";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final MutinyEmitter<Record<String, String>> emitter;

    public DeadLetterPublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16_384)
                               MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** {@code symbol} may be null (unreadable message): the record then has no key. */
    public Uni<Void> publish(String symbol, String reason, String raw, String source) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("reason", reason);
        value.put("raw", raw);
        value.put("source", source);
        value.put("at", System.currentTimeMillis());
        try {
            return emitter.send(Record.of(symbol, JSON.writeValueAsString(value)));
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }
}

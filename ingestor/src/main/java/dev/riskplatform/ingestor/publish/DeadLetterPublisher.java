package dev.riskplatform.ingestor.publish;

import dev.riskplatform.io.topic.DeadLetterMessage;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Refused input to {@code market_prices_dlq}: reason + the raw text unchanged (docs/topics.md). */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String CHANNEL = "market-prices-dlq";
    /**
     * The raw text a dead letter keeps whole, the parser's own message bound: beyond it only this much is kept (the
     * reason says so), as a record over the producer's 1 MB max.request.size would be refused and the letter lost.
     */
    public static final int MAX_RAW_CHARS = 64 * 1024;

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
        boolean cut = raw.length() > MAX_RAW_CHARS;
        DeadLetterMessage letter = new DeadLetterMessage(
                cut ? reason + " (raw: its first " + MAX_RAW_CHARS + " of " + raw.length() + " characters)" : reason,
                cut ? prefix(raw) : raw, source, System.currentTimeMillis());
        gate.send(emitter, symbol, letter.toJson(), reason, outcome);
    }

    /** The first {@link #MAX_RAW_CHARS} characters, one fewer rather than half a surrogate pair. */
    private static String prefix(String raw) {
        int end = Character.isHighSurrogate(raw.charAt(MAX_RAW_CHARS - 1)) ? MAX_RAW_CHARS - 1 : MAX_RAW_CHARS;
        return raw.substring(0, end);
    }
}

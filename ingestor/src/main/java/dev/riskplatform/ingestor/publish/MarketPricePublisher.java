package dev.riskplatform.ingestor.publish;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.Record;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/** Publishes validated trades to {@code market_prices}, keyed by symbol (one symbol, one partition, in order). */
@ApplicationScoped
public class MarketPricePublisher {

    public static final String CHANNEL = "market-prices";

    private final MutinyEmitter<Record<String, String>> emitter;

    public MarketPricePublisher(@Channel(CHANNEL) MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged the record. */
    public Uni<Void> publish(String key, String json) {
        return emitter.send(Record.of(key, json));
    }
}

package dev.riskplatform.ingestor.publish;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.io.MarketPriceMessage;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes validated trades to {@code market_prices}, keyed by symbol (one symbol, one partition, in order). */
@ApplicationScoped
public class MarketPricePublisher {

    public static final String CHANNEL = "market-prices";

    private final MutinyEmitter<Record<String, String>> emitter;

    // A burst (a gap backfill of 1000 trades, a replay at max speed) must queue, not fail.
    public MarketPricePublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 262_144)
                                MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged the record. */
    public Uni<Void> publish(String key, String json) {
        return emitter.send(Record.of(key, json));
    }

    /** The docs/topics.md value; {@code source} is binance, binance-backfill or replay. */
    public Uni<Void> publish(Trade trade, String source) {
        return publish(trade.symbol(), MarketPriceMessage.toJson(trade, source, System.currentTimeMillis()));
    }
}

package dev.riskplatform.ingestor.publish;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.io.MarketPriceMessage;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/** Publishes validated trades to {@code market_prices}, keyed by symbol (one symbol, one partition, in order). */
@ApplicationScoped
public class MarketPricePublisher {

    public static final String CHANNEL = "market-prices";
    /**
     * The channel's own bound, beyond the sink's max-inflight-messages. The gate keeps the stream at
     * {@link PublishGate#HIGH}; what may come on top in one go is a gap fill (a REST page per symbol, held
     * trades up to TradeSequencer's session budget). A send beyond it fails and is counted, never queued.
     */
    static final int BUFFER = 65_536;

    private final Emitter<Record<String, String>> emitter;
    private final PublishGate gate;

    public MarketPricePublisher(@Channel(CHANNEL) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = BUFFER)
                                Emitter<Record<String, String>> emitter, PublishGate gate) {
        this.emitter = emitter;
        this.gate = gate;
    }

    /** The docs/topics.md value; {@code source} is binance, binance-backfill or replay. */
    public void publish(Trade trade, String source, PublishGate.Outcome<Trade> outcome) {
        String json = MarketPriceMessage.toJson(trade, source, System.currentTimeMillis());
        gate.send(emitter, trade.symbol(), json, trade, outcome);
    }

    /** Completes once the broker acknowledged the record. */
    public CompletionStage<Void> publish(String key, String json) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        gate.send(emitter, key, json, acked, new PublishGate.Outcome<>() {
            public void acked(CompletableFuture<Void> f) { f.complete(null); }
            public void failed(CompletableFuture<Void> f, Throwable error) { f.completeExceptionally(error); }
        });
        return acked;
    }
}

package dev.riskplatform.ingestor.publish;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.io.topic.MarketPriceMessage;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Publishes validated trades to {@code market_prices}, keyed by symbol (one symbol, one partition, in order).
 *
 * <p>The channel is declared and configured as usual ({@code mp.messaging.outgoing.market-prices.*}): SmallRye
 * creates, configures, checks and closes its producer. Trades are handed to that producer directly
 * ({@link KafkaClientService}), with one callback each: a trade must cost one record and one callback, and the
 * connector's per-message pipeline (an emitter buffer, a Uni chain with retry per record, a hop to its sending
 * thread, the next record's subscription on the producer's I/O thread) costs more than the trade's own work
 * (measured in BENCHMARKS.md, ingestor end to end). The emitter is injected only so that the channel is wired. {@code send} itself runs on {@link KafkaHandOff}'s thread,
 * never on the reading thread: it blocks while the producer has no metadata (a broker outage).
 */
@ApplicationScoped
public class MarketPricePublisher {

    public static final String CHANNEL = "market-prices";

    private final KafkaClientService clients;
    private final String topic;
    private final PublishGate gate;
    private volatile Producer<String, String> producer;

    public MarketPricePublisher(@Channel(CHANNEL) Emitter<Record<String, String>> wiresTheChannel, KafkaClientService clients,
                                @ConfigProperty(name = "mp.messaging.outgoing." + CHANNEL + ".topic") String topic, PublishGate gate) {
        this.clients = clients;
        this.topic = topic;
        this.gate = gate;
    }

    /** The docs/topics.md value; {@code source} is binance, binance-backfill or replay. */
    public void publish(Trade trade, String source, PublishGate.Outcome<Trade> outcome) {
        String json = MarketPriceMessage.toJson(trade, source, System.currentTimeMillis());
        gate.send(producer(), topic, trade.symbol(), json, trade, outcome);
    }

    /** Completes once the broker acknowledged the record. */
    public CompletionStage<Void> publish(String key, String json) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        gate.send(producer(), topic, key, json, acked, new PublishGate.Outcome<>() {
            public void acked(CompletableFuture<Void> f) { f.complete(null); }
            public void failed(CompletableFuture<Void> f, Throwable error) { f.completeExceptionally(error); }
        });
        return acked;
    }

    private Producer<String, String> producer() {
        Producer<String, String> p = producer;
        if (p == null) producer = p = clients.<String, String>getProducer(CHANNEL).unwrap();
        return p;
    }
}

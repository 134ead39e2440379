package dev.riskplatform.detector.stream;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.risk.EmittedBar;
import dev.riskplatform.detector.live.LiveFeed;
import dev.riskplatform.detector.model.DetectorConfig;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.io.topic.RiskAlertMessage;
import dev.riskplatform.io.topic.RiskEventMessage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Restart without a blind spot. When partitions are assigned (startup, rebalance), each symbol's state is rebuilt
 * as the previous owner left it, timed from the last consumed record, not from the wall clock (the detector may
 * have been down for days): first from the bars it emitted (risk_events, one record a bar, a day of them for the
 * 24 h risk), then from the trades after them, so a restart costs symbols × bars, not every trade of the windows.
 * Bars already in risk_events are not emitted again (so no second alert either); the restored ones refill the market
 * view (LiveFeed). It runs in the consumer's poll
 * thread, before the first record of those partitions is delivered.
 */
@ApplicationScoped
@Identifier(RecoveryListener.NAME)
public class RecoveryListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "detector-recovery";
    private static final Logger LOG = Logger.getLogger(RecoveryListener.class);

    private final SymbolTable symbols;
    private final Outputs outputs;
    private final LiveFeed live;
    private final ModelManager models;
    private final DetectorConfig config;
    private final StateRecovery recovery;
    private final Counter recoveries;
    private volatile Recovered last = new Recovered(0, 0, 0, 0, 0);

    /**
     * What one recovery rebuilt from: bars restored, trades replayed through the pipelines, trades passed over unread;
     * and how long reading the bars and replaying the trades took.
     */
    public record Recovered(long bars, long trades, long skipped, long barsMillis, long tradesMillis) {
    }

    public RecoveryListener(SymbolTable symbols, Outputs outputs, LiveFeed live, ModelManager models, DetectorConfig config,
                            MeterRegistry meters) {
        this.symbols = symbols;
        this.live = live;
        this.outputs = outputs;
        this.models = models;
        this.config = config;
        this.recovery = new StateRecovery(config.recovery().bootstrapServers());
        this.recoveries = io.micrometer.core.instrument.Counter.builder("detector.state.recoveries")
                .description("Rolling-window rebuilds after a partition assignment").register(meters);
    }

    @Override
    public void onPartitionsAssigned(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) return;
        long started = System.nanoTime();
        try {
            FeatureSpec spec = models.firstModel().get(60, TimeUnit.SECONDS).scoring().spec();
            Map<TopicPartition, Long> committed = committed(consumer, partitions);
            Map<TopicPartition, Long> stopped = recovery.stoppedAt(committed);
            // empty: nothing consumed (or retained) before
            Recovered r = stopped.isEmpty() ? new Recovered(0, 0, 0, 0, 0) : rebuild(new Lookback(spec, config), stopped, committed,
                    consumer.partitionsFor(partitions.iterator().next().topic()).size());
            last = r;
            recoveries.increment();
            LOG.infof("recovered %s in %d ms: %d bars from risk_events in %d ms, then %d trades (%d passed over) before the"
                    + " committed offsets in %d ms", partitions, (System.nanoTime() - started) / 1_000_000, r.bars(), r.barsMillis(),
                    r.trades(), r.skipped(), r.tradesMillis());
        } catch (Exception e) {
            // Without recovery the windows warm up again: a blind spot, but not a stopped stream.
            LOG.error("state recovery failed for " + partitions + "; windows warm up from live trades", e);
        }
    }

    /**
     * Emitted bars of the assigned partitions' symbols first (the others' only mark what was emitted), then the trades
     * after them. Bars of replayed trades were emitted after those trades arrived: silenced from the earliest start on.
     */
    private Recovered rebuild(Lookback lookback, Map<TopicPartition, Long> stopped, Map<TopicPartition, Long> committed, int partitions) {
        long from = Collections.min(stopped.values()) - lookback.bars();
        symbols.beginRecovery(recovery.lastOpenTimes("risk_alerts", from, json -> RiskAlertMessage.parse(json).openTime()));
        try {
            return restoreAndReplay(lookback, stopped, committed, partitions, from);
        } finally {
            symbols.resumeAlerts(); // also after a failure: what was restored goes on live, the rest warms up
        }
    }

    private Recovered restoreAndReplay(Lookback lookback, Map<TopicPartition, Long> stopped, Map<TopicPartition, Long> committed,
                                       int partitions, long from) {
        Map<Integer, Long> stopByPartition = new HashMap<>();
        stopped.forEach((p, t) -> stopByPartition.put(p.partition(), t));
        long[] bars = {0};
        long barsFrom = System.nanoTime();
        recovery.readSince("risk_events", from, r -> {
            int partition = partitionOf(r.key(), partitions);
            if (restore(r, partition, stopByPartition.get(partition), lookback)) bars[0]++;
        });
        long tradesFrom = System.nanoTime();
        Map<String, Long> restored = symbols.restoredThrough();
        Map<TopicPartition, Long> since = new HashMap<>();
        stopped.forEach((p, t) -> since.put(p, lookback.tradesSince(t, p.partition(), restored, s -> partitionOf(s, partitions))));
        long[] trades = {0, 0};
        recovery.replay(since, committed, r -> {
            Long through = restored.get(r.key());
            if (through != null && r.timestamp() < lookback.firstNeeded(through)) {
                trades[1]++; // a trade of a restored bar: published before the first trade of the bars after them
                return;
            }
            replay(r.key(), r.value(), r.partition());
            trades[0]++;
        });
        return new Recovered(bars[0], trades[0], trades[1], (tradesFrom - barsFrom) / 1_000_000, (System.nanoTime() - tradesFrom) / 1_000_000);
    }

    /**
     * One risk_events record: restored when its symbol's market_prices partition is assigned ({@code stop} known), else
     * only noted as emitted. True when restored.
     */
    private boolean restore(ConsumerRecord<String, String> r, int partition, Long stop, Lookback lookback) {
        try {
            if (stop == null) return noteEmitted(r.value());
            EmittedBar bar = RiskEventMessage.emittedBar(r.value());
            synchronized (symbols) { // the stream lock, as a batch holds it
                Outputs.Sends sends = outputs.outsideBatch();
                boolean restored = symbols.restore(bar, partition, r.timestamp() >= stop - lookback.lostAlertWindow(), sends);
                outputs.keepForNextBatch(sends);
                if (restored) live.restored(bar); // the market view shows it as before the restart
                return restored;
            }
        } catch (IllegalArgumentException unrestorable) {
            return noteEmitted(r.value()); // still its bar was emitted, if that much can be read
        }
    }

    private boolean noteEmitted(String value) {
        try {
            RiskEventMessage.BarRef ref = RiskEventMessage.barRef(value);
            symbols.emitted(ref.symbol(), ref.openTime());
        } catch (IllegalArgumentException unreadable) {
            // not the detector's payload: it says nothing about what was emitted
        }
        return false;
    }

    /** The market_prices partition of a symbol: the ingestor's producer partitions by key (symbol), as Kafka's default does. */
    private static int partitionOf(String symbol, int partitions) {
        return BuiltInPartitioner.partitionForKey(symbol.getBytes(StandardCharsets.UTF_8), partitions);
    }

    /**
     * A trade read back from before the committed offset rebuilds the windows. Invalid ones were
     * dead-lettered when first consumed; bars it closes that were not emitted yet are sent now, and
     * acked with the next batch (Outputs).
     */
    private void replay(String key, String value, int partition) {
        MarketPriceMessage.Received parsed;
        try {
            parsed = MarketPriceMessage.parse(key, value);
        } catch (IllegalArgumentException e) {
            return;
        }
        synchronized (symbols) { // the stream lock, as a batch holds it
            Outputs.Sends sends = outputs.outsideBatch();
            symbols.onTrade(parsed, partition, System.currentTimeMillis(), false, sends);
            outputs.keepForNextBatch(sends);
        }
    }

    /** Completed recoveries (one per assignment). */
    public double recoveries() {
        return recoveries.count();
    }

    /** What the last recovery rebuilt from. */
    public Recovered lastRecovery() {
        return last;
    }

    @Override
    public void onPartitionsRevoked(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        // Another instance owns these symbols now; stale state must not be resumed if they come back.
        symbols.forget(partitions.stream().map(TopicPartition::partition).toList());
    }

    private static Map<TopicPartition, Long> committed(org.apache.kafka.clients.consumer.Consumer<?, ?> consumer,
                                                       Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> out = new HashMap<>();
        Map<TopicPartition, OffsetAndMetadata> c = consumer.committed(new java.util.HashSet<>(partitions));
        c.forEach((p, o) -> {
            if (o != null) out.put(p, o.offset()); // never committed: consumption starts at the earliest record anyway
        });
        return out;
    }
}

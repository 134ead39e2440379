package dev.riskplatform.detector.stream;

import dev.riskplatform.core.features.FeatureSpec;
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
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Restart without a blind spot. When partitions are assigned (startup, rebalance), each symbol's
 * windows are rebuilt from the trades of the spec's history (+ 2 bars) before the committed offset,
 * timed from the last consumed record, not from the wall clock (the detector may have been down for days),
 * and bars already in risk_events are not emitted again (so no second alert either). It runs in
 * the consumer's poll thread, before the first record of those partitions is delivered.
 */
@ApplicationScoped
@Identifier(RecoveryListener.NAME)
public class RecoveryListener implements KafkaConsumerRebalanceListener {

    public static final String NAME = "detector-recovery";
    private static final Logger LOG = Logger.getLogger(RecoveryListener.class);

    private final SymbolTable symbols;
    private final Outputs outputs;
    private final ModelManager models;
    private final DetectorConfig config;
    private final StateRecovery recovery;
    private final Counter recoveries;

    public RecoveryListener(SymbolTable symbols, Outputs outputs, ModelManager models, DetectorConfig config, MeterRegistry meters) {
        this.symbols = symbols;
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
        try {
            FeatureSpec spec = models.firstModel().get(60, TimeUnit.SECONDS).scoring().spec();
            // The spec's history (v2: EWMA levels) so the rebuilt features equal an uninterrupted stream's.
            long lookback = (spec.historyBars() + 2L) * spec.interval().millis() + config.allowedLateness().toMillis();
            Map<TopicPartition, Long> committed = committed(consumer, partitions);
            Map<TopicPartition, Long> since = new HashMap<>();
            recovery.stoppedAt(committed).forEach((p, t) -> since.put(p, t - lookback));
            int n = since.isEmpty() ? 0 : rebuild(since, committed); // empty: nothing consumed (or retained) before
            recoveries.increment();
            LOG.infof("recovered %d trades of %d s before the committed offsets of %s", n, lookback / 1000, partitions);
        } catch (Exception e) {
            // Without recovery the windows warm up again: a blind spot, but not a stopped stream.
            LOG.error("state recovery failed for " + partitions + "; windows warm up from live trades", e);
        }
    }

    /** Bars of the replayed trades were emitted after those trades arrived: silence them from the earliest start on. */
    private int rebuild(Map<TopicPartition, Long> since, Map<TopicPartition, Long> committed) {
        long from = Collections.min(since.values());
        symbols.silence(recovery.lastOpenTimes("risk_events", from, json -> RiskEventMessage.barRef(json).openTime()),
                recovery.lastOpenTimes("risk_alerts", from, json -> RiskAlertMessage.parse(json).openTime()));
        int[] n = {0};
        recovery.replay(since, committed, r -> {
            replay(r.key(), r.value(), r.partition());
            n[0]++;
        });
        symbols.resumeAlerts();
        return n[0];
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

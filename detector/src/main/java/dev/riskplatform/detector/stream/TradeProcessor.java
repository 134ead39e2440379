package dev.riskplatform.detector.stream;

import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.MarketEpisodes;
import dev.riskplatform.core.risk.RiskEvent;
import dev.riskplatform.core.risk.ScoringModel;
import dev.riskplatform.core.risk.SymbolPipeline;
import dev.riskplatform.detector.live.LiveFeed;
import dev.riskplatform.detector.model.DetectorConfig;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.model.ActiveModel;
import dev.riskplatform.io.topic.DeadLetterMessage;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.io.topic.RiskAlertMessage;
import dev.riskplatform.io.topic.RiskEventMessage;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * market_prices → per-symbol pipelines → risk_events, risk_alerts, detector_dlq.
 *
 * <p>Records arrive as one batch per consumer poll (the channel is a batch channel), in partition
 * order, and are processed in one go under the lock the idle timer shares. Commit: the channel uses
 * the throttled strategy and a batch is acked only after everything it caused (events, alerts, dead
 * letters) was acknowledged by the broker, so a crash re-delivers rather than loses. The method
 * does not wait for those acknowledgements before taking the next batch (one broker round trip per
 * closed bar would cap the stream). Bars closed by the idle timer or a recovery replay are sent
 * outside any batch: the next batch waits for those sends too, so every output has one rule.
 * Each topic has its own idempotent producer and outputs leave in call order, so the order within
 * a topic (events of a symbol, alerts of a symbol) is kept.
 * The symbol's model (its own, else the default: ModelManager) is read once per trade, so a hot swap
 * lands between two records.
 */
@ApplicationScoped
public class TradeProcessor {

    public static final String CHANNEL = "market-prices";
    private static final Logger LOG = Logger.getLogger(TradeProcessor.class);

    private final ModelManager models;
    private final DetectorConfig config;
    private final RiskPublisher publisher;
    private final StreamMetrics metrics;
    private final LiveFeed live;
    /** One entry per symbol: a single lookup per trade, no boxed times or partitions. */
    private final Map<String, SymbolState> symbols = new HashMap<>();
    private final Map<String, Long> emittedThrough = new HashMap<>();
    private final Map<String, Long> alertedThrough = new HashMap<>();
    /** False while a recovery replays: its fresh cool-down must not re-open episodes (SymbolPipeline#alertsAfter). */
    private boolean alertsResumed = true;
    /** Wall time of the last record of any kind (dead letters too) per partition: a busy partition is not idle. */
    private long[] partitionActivity = new long[0];
    private final SwapPause swapPause;
    private final MarketConfig marketConfig;
    /** Created with the first model (its bar interval); alerts of all symbols pass through it. */
    private MarketEpisodes market;
    /** Sends of the idle timer and the recovery replay: the next batch is acked only after them (one rule for every output). */
    private final List<CompletableFuture<Void>> outOfBatch = new ArrayList<>();

    public TradeProcessor(ModelManager models, DetectorConfig config, RiskPublisher publisher, StreamMetrics metrics,
                          LiveFeed live, MarketConfig marketConfig) {
        this.marketConfig = marketConfig;
        this.models = models;
        this.config = config;
        this.publisher = publisher;
        this.metrics = metrics;
        this.live = live;
        this.swapPause = new SwapPause(metrics);
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        // Until a first model serves, the interval (hence the bars) is unknown: hold the batch.
        return models.firstModel().thenAccept(m -> {
            CompletableFuture<Void> outputs = process(batch);
            // Acked (committed by the throttled strategy) once the broker has all its outputs; a failed
            // output nacks the batch, which stops the channel (failure-strategy fail) rather than lose it.
            outputs.whenComplete((ok, err) -> {
                if (err == null) batch.ack();
                else batch.nack(err);
            });
        });
    }

    private synchronized CompletableFuture<Void> process(KafkaRecordBatch<String, String> batch) {
        Outputs out = new Outputs();
        out.futures.addAll(outOfBatch);
        outOfBatch.clear();
        long wallNow = System.currentTimeMillis(); // one clock read per batch is precise enough for the idle timer
        int trades = 0;
        for (KafkaRecord<String, String> r : batch) {
            if (processOne(r, wallNow, out)) trades++;
        }
        metrics.trades(trades);
        return out.all();
    }

    /** One record in; true when it was a trade (dead letters are not counted as trades). */
    private boolean processOne(KafkaRecord<String, String> record, long wallNow, Outputs out) {
        String key = record.getKey();
        touchPartition(record.getPartition(), wallNow);
        MarketPriceMessage.Received parsed;
        try {
            parsed = MarketPriceMessage.parse(key, record.getPayload());
        } catch (IllegalArgumentException e) {
            out.futures.add(deadLetter(key, record.getPayload(), e.getMessage()));
            return false;
        }
        try {
            onTrade(parsed, record.getPartition(), wallNow, true, out);
        } catch (RuntimeException e) {
            // A bug must not stop the stream; the record is kept, with the reason, for replay.
            LOG.error("processing failed for " + parsed.trade(), e);
            out.futures.add(deadLetter(key, record.getPayload(), "processing failed: " + e));
        }
        return true;
    }

    private synchronized void onTrade(MarketPriceMessage.Received parsed, int partition, long wallNow, boolean live, Outputs out) {
        Trade t = parsed.trade();
        ActiveModel active = models.forSymbol(t.symbol()); // the symbol's own model, else the default
        ScoringModel model = active.scoring();
        if (live) swapPause.onTrade(active);
        SymbolState s = state(t.symbol(), model);
        s.lastTradeWall = wallNow;
        s.partition = partition;
        BarBuilder.Outcome outcome = s.pipeline.onTrade(t, parsed.ingestTime(), model, out);
        if (outcome == BarBuilder.Outcome.LATE) metrics.late();
        if (outcome == BarBuilder.Outcome.DUPLICATE) metrics.duplicate();
    }

    /** Closes bars of symbols that went quiet, so the last bar does not wait for the next trade. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void idleTick() {
        if (models.active().isEmpty()) return;
        long now = System.currentTimeMillis();
        Outputs out = new Outputs();
        for (Map.Entry<String, SymbolState> e : symbols.entrySet()) {
            SymbolState s = e.getValue();
            long idle = now - lastActivity(s);
            if (idle >= config.idleAfter().toMillis()) s.pipeline.advanceIdle(idle, models.forSymbol(e.getKey()).scoring(), out);
        }
        keepUntilNextBatch(out);
    }

    /** A failed send fails the next batch (the stream stops rather than lose it) and is logged at once. */
    private void keepUntilNextBatch(Outputs out) {
        if (out.futures.isEmpty()) return;
        CompletableFuture<Void> sent = out.all();
        sent.whenComplete((ok, err) -> {
            if (err != null) LOG.error("a send outside a batch failed; the next batch fails with it", err);
        });
        outOfBatch.removeIf(f -> f.isDone() && !f.isCompletedExceptionally()); // bounded while no batch comes
        outOfBatch.add(sent);
    }

    private long lastActivity(SymbolState s) {
        long partitionWall = s.partition < partitionActivity.length ? partitionActivity[s.partition] : Long.MIN_VALUE;
        return Math.max(s.lastTradeWall, partitionWall);
    }

    private void touchPartition(int partition, long wallNow) {
        if (partition >= partitionActivity.length) {
            int from = partitionActivity.length;
            partitionActivity = java.util.Arrays.copyOf(partitionActivity, partition + 1);
            java.util.Arrays.fill(partitionActivity, from, partition + 1, Long.MIN_VALUE);
        }
        partitionActivity[partition] = wallNow;
    }

    private SymbolState state(String symbol, ScoringModel model) {
        SymbolState s = symbols.get(symbol);
        if (s != null) return s;
        SymbolPipeline p = new SymbolPipeline(symbol, model.spec(), config.allowedLateness().toMillis(),
                config.cooldownBars(), System::currentTimeMillis);
        p.silenceThrough(emittedThrough.getOrDefault(symbol, Long.MIN_VALUE));
        if (alertsResumed && emittedThrough.containsKey(symbol)) p.alertsAfter(alertedThrough.getOrDefault(symbol, Long.MIN_VALUE));
        s = new SymbolState(p);
        symbols.put(symbol, s);
        return s;
    }

    /** A symbol's pipeline and what the idle timer needs to know about it. */
    private static final class SymbolState {
        final SymbolPipeline pipeline;
        long lastTradeWall;
        int partition;

        SymbolState(SymbolPipeline pipeline) {
            this.pipeline = pipeline;
        }
    }

    /** Recovery: bars (and alerts) opening at or before these times were emitted before a restart. */
    synchronized void silence(Map<String, Long> lastEmittedOpen, Map<String, Long> lastAlertedOpen) {
        alertsResumed = false;
        lastAlertedOpen.forEach((symbol, open) -> alertedThrough.merge(symbol, open, Math::max));
        lastEmittedOpen.forEach((symbol, open) -> {
            emittedThrough.merge(symbol, open, Math::max);
            SymbolState s = symbols.get(symbol);
            if (s != null) s.pipeline.silenceThrough(open);
        });
    }

    /**
     * Recovery, after the replay: a re-delivered bar whose event was sent before the crash but whose
     * alert is not in risk_alerts (the two topics are separate producers) gets its alert now.
     */
    synchronized void resumeAlerts() {
        alertsResumed = true;
        symbols.forEach((symbol, s) -> {
            if (emittedThrough.containsKey(symbol)) s.pipeline.alertsAfter(alertedThrough.getOrDefault(symbol, Long.MIN_VALUE));
        });
    }

    /**
     * Recovery: a trade read back from before the committed offset rebuilds the windows. Invalid
     * ones were dead-lettered when first consumed; bars it closes that were not emitted yet are.
     */
    void replay(String key, String value, int partition) {
        MarketPriceMessage.Received parsed;
        try {
            parsed = MarketPriceMessage.parse(key, value);
        } catch (IllegalArgumentException e) {
            return;
        }
        Outputs out = new Outputs();
        onTrade(parsed, partition, System.currentTimeMillis(), false, out);
        synchronized (this) {
            keepUntilNextBatch(out);
        }
    }

    /** Drops the state of symbols on revoked partitions: it is stale once another instance owns them. */
    synchronized void forget(List<Integer> partitions) {
        symbols.entrySet().removeIf(e -> {
            if (!partitions.contains(e.getValue().partition)) return false;
            emittedThrough.remove(e.getKey()); // re-learnt from risk_events and risk_alerts, as a fresh process would
            alertedThrough.remove(e.getKey());
            return true;
        });
    }

    private CompletableFuture<Void> deadLetter(String key, String raw, String reason) {
        metrics.deadLetter();
        LOG.debugf("dead letter (%s): %s", reason, raw);
        return publisher.deadLetter(key, new DeadLetterMessage(reason, raw, "market_prices", System.currentTimeMillis()).toJson());
    }

    /** The alert tagged with the market episode it is part of (MarketEpisodes), counting the episodes opened. */
    private Alert inMarket(Alert a) {
        if (market == null) {
            market = new MarketEpisodes(a.interval().millis(), marketConfig.windowBars(), marketConfig.minSymbols(), marketConfig.minShare());
        }
        long before = market.opened();
        Alert tagged = market.onAlert(a, symbols.size());
        if (market.opened() > before) metrics.marketEpisode(tagged.market());
        return tagged;
    }

    /** Sends in order as the pipeline produces, and collects the acknowledgements to ack the trade on. */
    private final class Outputs implements SymbolPipeline.Sink {
        final List<CompletableFuture<Void>> futures = new ArrayList<>();

        @Override
        public void event(RiskEvent e) {
            String json = RiskEventMessage.toJson(e);
            futures.add(publisher.event(e.bar().symbol(), json));
            metrics.bar(e.lastTradePublishTime(), e.emittedAt(), e.closedByIdle());
            live.event(e, json);
        }

        @Override
        public void alert(Alert raw) {
            Alert a = inMarket(raw);
            String json = RiskAlertMessage.toJson(a);
            futures.add(publisher.alert(a.symbol(), json));
            metrics.alert(a);
            live.alert(a, json);
        }

        CompletableFuture<Void> all() {
            if (futures.isEmpty()) return CompletableFuture.completedFuture(null);
            return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        }
    }
}

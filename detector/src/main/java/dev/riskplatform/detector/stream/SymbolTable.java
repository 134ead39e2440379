package dev.riskplatform.detector.stream;

import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.core.risk.ScoringModel;
import dev.riskplatform.core.risk.SymbolPipeline;
import dev.riskplatform.detector.model.ActiveModel;
import dev.riskplatform.detector.model.DetectorConfig;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.io.topic.MarketPriceMessage;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stream's state: one {@link SymbolPipeline} per symbol, what a restart found already emitted,
 * and when each partition last delivered a record. Its monitor is the stream lock: the batch, the idle
 * timer and the recovery hooks each hold it for the whole of their work, so a symbol's trades and idle
 * closes never interleave. (A {@code @Singleton} bean, injected as itself: a client proxy would be a
 * different monitor.)
 *
 * <p>The symbol's model (its own, else the default: ModelManager) is read once per trade, so a hot
 * swap lands between two records.
 */
@Singleton
public class SymbolTable {

    private final ModelManager models;
    private final DetectorConfig config;
    private final StreamMetrics metrics;
    private final SwapPause swapPause;
    /** One entry per symbol: a single lookup per trade, no boxed times or partitions. */
    private final Map<String, SymbolState> symbols = new HashMap<>();
    private final Map<String, Long> emittedThrough = new HashMap<>();
    private final Map<String, Long> alertedThrough = new HashMap<>();
    /** False while a recovery replays: its fresh cool-down must not re-open episodes (SymbolPipeline#alertsAfter). */
    private boolean alertsResumed = true;
    /** Wall time of the last record of any kind (dead letters too) per partition: a busy partition is not idle. */
    private long[] partitionActivity = new long[0];

    public SymbolTable(ModelManager models, DetectorConfig config, StreamMetrics metrics) {
        this.models = models;
        this.config = config;
        this.metrics = metrics;
        this.swapPause = new SwapPause(metrics);
    }

    /** A trade into its symbol's pipeline; {@code live} is false for a recovery replay (no swap pause measured). */
    synchronized void onTrade(MarketPriceMessage.Received parsed, int partition, long wallNow, boolean live, SymbolPipeline.Sink out) {
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

    /** A record of any kind came from the partition: its symbols are not idle. */
    synchronized void touchPartition(int partition, long wallNow) {
        if (partition >= partitionActivity.length) {
            int from = partitionActivity.length;
            partitionActivity = Arrays.copyOf(partitionActivity, partition + 1);
            Arrays.fill(partitionActivity, from, partition + 1, Long.MIN_VALUE);
        }
        partitionActivity[partition] = wallNow;
    }

    /** Closes the bars of symbols with no trade and no record on their partition for {@code idleAfter} ms. */
    synchronized void closeIdle(long now, long idleAfter, SymbolPipeline.Sink out) {
        for (Map.Entry<String, SymbolState> e : symbols.entrySet()) {
            SymbolState s = e.getValue();
            long idle = now - lastActivity(s);
            if (idle >= idleAfter) s.pipeline.advanceIdle(idle, models.forSymbol(e.getKey()).scoring(), out);
        }
    }

    /** Symbols followed: the denominator of a market episode's share. */
    synchronized int size() {
        return symbols.size();
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

    /** Drops the state of symbols on revoked partitions: it is stale once another instance owns them. */
    synchronized void forget(List<Integer> partitions) {
        symbols.entrySet().removeIf(e -> {
            if (!partitions.contains(e.getValue().partition)) return false;
            emittedThrough.remove(e.getKey()); // re-learnt from risk_events and risk_alerts, as a fresh process would
            alertedThrough.remove(e.getKey());
            return true;
        });
    }

    private long lastActivity(SymbolState s) {
        long partitionWall = s.partition < partitionActivity.length ? partitionActivity[s.partition] : Long.MIN_VALUE;
        return Math.max(s.lastTradeWall, partitionWall);
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
}

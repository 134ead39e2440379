package dev.riskplatform.detector.stream;

import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.core.risk.EmittedBar;
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
 * The stream's state: one {@link SymbolPipeline} per symbol, what a restart found already emitted (and
 * rebuilt from: {@link #restore}), and when each partition last delivered a record. Its monitor is the stream lock: the batch, the idle
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
    /**
     * The newest alert this process sent per symbol, kept through rebalances: an alert it sent may still be on its way
     * to risk_alerts when a rebalance in the same process reads that topic, and is not lost (only a crash loses one).
     */
    private final Map<String, Long> sentAlerts = new HashMap<>();
    /** False while a recovery replays: its fresh cool-down must not re-open episodes (SymbolPipeline#alertsAfter). */
    private boolean alertsResumed = true;
    /**
     * Symbols whose state the running recovery rebuilds from their emitted bars (SymbolPipeline#restore), with when the
     * trades after the last of them began to be published (its event's pendingSince, else an interval before its
     * lastTradePublishTime).
     */
    private final Map<String, Long> restoring = new HashMap<>();
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
        if (!live) return; // a replayed trade refused was counted when it came live, or is one of a restored bar
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

    /** Recovery, first: the last alert per symbol in risk_alerts. Alerts of replayed bars wait for {@link #resumeAlerts}. */
    synchronized void beginRecovery(Map<String, Long> lastAlertedOpen) {
        alertsResumed = false;
        lastAlertedOpen.forEach((symbol, open) -> alertedThrough.merge(symbol, open, Math::max));
    }

    /**
     * Recovery: a bar was emitted that is not restored here (another instance's symbol, a symbol followed live, a bar of
     * another interval or an event that cannot be restored): its trades, should any come here, are not emitted again.
     */
    synchronized void emitted(String symbol, long openTime) {
        emittedThrough.merge(symbol, openTime, Math::max);
        SymbolState s = symbols.get(symbol);
        if (s != null && !restoring.containsKey(symbol)) s.pipeline.silenceThrough(openTime);
    }

    /**
     * Recovery: a bar the stream emitted before, of a symbol on an assigned partition, in the order of risk_events. A
     * symbol followed already (its partition was kept through the rebalance) keeps its state, as does one whose model
     * now has another interval (the bar only marks what was emitted). {@code publishedAtStop}: the event was published
     * as the previous owner stopped, so its alert may have been lost with it. True when the bar was restored.
     */
    synchronized boolean restore(EmittedBar emitted, int partition, boolean publishedAtStop, SymbolPipeline.Sink out) {
        String symbol = emitted.bar().symbol();
        long open = emitted.bar().openTime();
        ScoringModel model = models.forSymbol(symbol).scoring();
        SymbolState s = symbols.get(symbol);
        if (!emitted.bar().interval().equals(model.spec().interval()) || (s != null && !restoring.containsKey(symbol))) {
            emitted(symbol, open);
            return false;
        }
        emittedThrough.merge(symbol, open, Math::max);
        boolean alertMayBeLost = publishedAtStop && open > lastAlerted(symbol);
        if (s == null || !s.pipeline.restore(emitted, model, alertMayBeLost, out)) {
            if (s != null && open <= s.pipeline.lastEmittedOpen()) return false; // an event sent twice
            s = create(symbol, model); // first bar, or after a hole: the stream that emitted them had started cold there
            s.partition = partition;
            s.pipeline.restore(emitted, model, alertMayBeLost, out);
        }
        // No pendingSince: no bar was open at that close, or the event is older than the member; an interval before its
        // newest trade covers the open bar's earlier trades in the second case.
        restoring.put(symbol, emitted.pendingSince() != null ? emitted.pendingSince()
                : emitted.lastTradePublishTime() - emitted.bar().interval().millis());
        return true;
    }

    /**
     * Recovery: per restored symbol, when the first trade in no restored bar was published (at the earliest); its
     * trades published before that are in restored bars and need no replay.
     */
    synchronized Map<String, Long> restoredThrough() {
        return new HashMap<>(restoring);
    }

    /**
     * Recovery, after the replay: a re-delivered bar whose event was sent before the crash but whose
     * alert is not in risk_alerts (the two topics are separate producers) gets its alert now.
     */
    synchronized void resumeAlerts() {
        alertsResumed = true;
        restoring.clear();
        symbols.forEach((symbol, s) -> {
            if (emittedThrough.containsKey(symbol)) s.pipeline.alertsAfter(lastAlerted(symbol));
        });
    }

    /** Drops the state of symbols on revoked partitions: it is stale once another instance owns them. */
    synchronized void forget(List<Integer> partitions) {
        symbols.entrySet().removeIf(e -> {
            if (!partitions.contains(e.getValue().partition)) return false;
            restoring.remove(e.getKey());
            emittedThrough.remove(e.getKey()); // re-learnt from risk_events and risk_alerts, as a fresh process would
            alertedThrough.remove(e.getKey());
            return true;
        });
    }

    /** An alert went out from this process (under the stream lock, from the sink). */
    synchronized void alertSent(String symbol, long openTime) {
        sentAlerts.merge(symbol, openTime, Math::max);
    }

    /** The open time of the symbol's last alert: in risk_alerts, or sent by this process; Long.MIN_VALUE for none. */
    private long lastAlerted(String symbol) {
        return Math.max(alertedThrough.getOrDefault(symbol, Long.MIN_VALUE), sentAlerts.getOrDefault(symbol, Long.MIN_VALUE));
    }

    private long lastActivity(SymbolState s) {
        long partitionWall = s.partition < partitionActivity.length ? partitionActivity[s.partition] : Long.MIN_VALUE;
        return Math.max(s.lastTradeWall, partitionWall);
    }

    private SymbolState state(String symbol, ScoringModel model) {
        SymbolState s = symbols.get(symbol);
        return s != null ? s : create(symbol, model);
    }

    private SymbolState create(String symbol, ScoringModel model) {
        SymbolPipeline p = new SymbolPipeline(symbol, model.spec(), config.allowedLateness().toMillis(),
                config.cooldownBars(), System::currentTimeMillis);
        p.silenceThrough(emittedThrough.getOrDefault(symbol, Long.MIN_VALUE));
        if (alertsResumed && emittedThrough.containsKey(symbol)) p.alertsAfter(lastAlerted(symbol));
        SymbolState s = new SymbolState(p);
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

package dev.riskplatform.core.risk;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.features.FeatureVector;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.core.explain.Explanation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One symbol's path from trades to risk: event-time bars, incremental features, the model's
 * score, and the alert cool-down. The model is passed per call, not held, so a hot swap takes
 * effect between two trades and each bar is scored by exactly one version.
 *
 * <p>Restart recovery: bars the stream emitted before are {@link #restore restored} from their events:
 * windows, 24 h risk and cool-down as the stream left them, no trade needed. Bars opening at or before
 * {@link #silenceThrough} were already emitted before the restart; re-reading their trades rebuilds the
 * windows and the cool-down without emitting them again. Events and alerts are separate topics, so a crash can leave a bar's event
 * sent and its alert not: {@link #alertsAfter} then lets the alert of such a bar out again.
 *
 * <p>Not thread-safe: the caller serialises trades and timer ticks of one symbol.
 */
public final class SymbolPipeline {

    /** Where results go. */
    public interface Sink {
        void event(RiskEvent event);

        void alert(Alert alert);
    }

    public static final int EXPLAINED_FEATURES = 3;

    private final String symbol;
    private final FeatureSpec spec;
    private final BarBuilder bars;
    private final FeatureEngine features;
    private final RollingIntradayRisk intraday;
    private final AlertCooldown cooldown;
    private final LongSupplier clock;
    private final List<Bar> closed = new ArrayList<>();
    private long lastPublishTime = -1L;
    private long newestTradeTime = Long.MIN_VALUE;
    private long silenceThrough = Long.MIN_VALUE;
    private long alertSilence = Long.MIN_VALUE;
    private long lastEmittedOpen = Long.MIN_VALUE;
    private String episodeAlertId;

    public SymbolPipeline(String symbol, FeatureSpec spec, long allowedLatenessMillis, int cooldownBars, LongSupplier clock) {
        this.symbol = symbol;
        this.spec = spec;
        this.bars = new BarBuilder(symbol, spec.interval(), allowedLatenessMillis, closed::add);
        this.features = new FeatureEngine(spec);
        this.intraday = new RollingIntradayRisk(spec.interval());
        this.cooldown = new AlertCooldown(spec.interval().millis(), cooldownBars);
        this.clock = clock;
    }

    /**
     * Adds one trade; bars it closes are scored with {@code model} and sent to {@code sink}.
     *
     * @param publishTime when the trade was published to Kafka (latency is measured from it)
     */
    public BarBuilder.Outcome onTrade(Trade trade, long publishTime, ScoringModel model, Sink sink) {
        lastPublishTime = Math.max(lastPublishTime, publishTime);
        BarBuilder.Outcome outcome = bars.onTrade(trade, publishTime);
        if (outcome == BarBuilder.Outcome.ACCEPTED) newestTradeTime = Math.max(newestTradeTime, trade.tradeTime());
        drain(model, sink, false);
        return outcome;
    }

    /**
     * Idle timer: no trade came for {@code idleMillis} of wall time, so event time is taken to have
     * moved on by as much since the newest trade: bars close up to {@code newest trade time + idle}
     * (minus the allowed lateness). Not the wall clock itself: event time is wall time only for a
     * live feed that is caught up. For a replay, or a consumer that stalled (broker down, a burst of
     * dead letters), closing by the wall clock would make every later trade late and stop the bars.
     */
    public void advanceIdle(long idleMillis, ScoringModel model, Sink sink) {
        if (newestTradeTime == Long.MIN_VALUE || idleMillis <= 0) return;
        bars.advanceTo(newestTradeTime + idleMillis);
        drain(model, sink, true);
    }

    /** Closes bars up to an explicit event time (end of a data set; tests). The idle timer uses {@link #advanceIdle}. */
    public void advanceTo(long nowMillis, ScoringModel model, Sink sink) {
        bars.advanceTo(nowMillis);
        drain(model, sink, true);
    }

    /**
     * Restart recovery: a bar this symbol's stream emitted before, in open-time order, without its trades. It
     * rebuilds the feature windows, the 24 h risk and the cool-down (from the stream's own verdict, not a new
     * score), emits nothing, and trades of it or earlier bars are refused afterwards. A bar that opened a new
     * episode has its alert sent now when {@code alertMayBeLost} (its event reached risk_events and its alert
     * did not reach risk_alerts before a crash; the caller knows): same id, this model's explanation.
     *
     * @return false, changing nothing, when the bar is not the interval after the last one restored (the stream
     * that emitted them had restarted cold: a fresh pipeline takes the bars from there) or trades came already
     */
    public boolean restore(EmittedBar emitted, ScoringModel model, boolean alertMayBeLost, Sink sink) {
        Bar bar = emitted.bar();
        if (lastEmittedOpen != Long.MIN_VALUE && bar.openTime() != lastEmittedOpen + spec.interval().millis()) return false;
        if (bars.acceptedCount() > 0 || bars.openBarCount() > 0) return false;
        bars.resumeAfter(bar);
        FeatureVector fv = features.onBar(bar);
        intraday.record(bar);
        silenceThrough(bar.openTime());
        lastEmittedOpen = bar.openTime();
        if (cooldown.onBar(bar.openTime(), emitted.anomaly()) == AlertCooldown.Decision.NEW_EPISODE) {
            episodeAlertId = emitted.alertId() != null ? emitted.alertId() : Alert.idOf(symbol, bar.openTime(), model.version());
            if (alertMayBeLost && fv != null && emitted.score() != null) {
                sink.alert(alert(bar, fv.values(), emitted.score(), model, clock.getAsLong()));
            }
        }
        return true;
    }

    /** Bars opening at or before {@code openTime} were emitted already: rebuild state, emit nothing. */
    public void silenceThrough(long openTime) {
        silenceThrough = Math.max(silenceThrough, openTime);
        alertSilence = Math.max(alertSilence, openTime);
    }

    /**
     * The last alert sent before the restart opened at {@code alertedOpen}: an episode opening at a
     * later bar is alerted even if that bar's event was sent (its alert was lost in between). Called
     * after the replay, whose fresh cool-down could open episodes the uninterrupted stream had not.
     */
    public void alertsAfter(long alertedOpen) {
        alertSilence = alertedOpen;
    }

    /** {@code byIdle}: the bars closed without a trade past their end (idle timer, end of a data set). */
    private void drain(ScoringModel model, Sink sink, boolean byIdle) {
        for (Bar bar : closed) onBar(bar, model, sink, byIdle);
        closed.clear();
    }

    private void onBar(Bar bar, ScoringModel model, Sink sink, boolean byIdle) {
        FeatureVector fv = features.onBar(bar);
        RollingIntradayRisk.Snapshot risk = intraday.onBar(bar);
        boolean emit = bar.openTime() > silenceThrough;
        long now = clock.getAsLong();
        if (fv == null) {
            if (emit) emitEvent(sink, new RiskEvent(bar, null, spec.featureNames(), null, model.threshold().value(), false,
                    model.name(), model.version(), model.kind().id(), null, lastPublishTime, now, byIdle, risk, pendingSince()));
            return;
        }
        double[] row = fv.values();
        double score = model.scorer().score(row);
        boolean anomaly = model.threshold().isAnomaly(score);
        AlertCooldown.Decision decision = cooldown.onBar(bar.openTime(), anomaly);
        if (decision == AlertCooldown.Decision.NEW_EPISODE) {
            episodeAlertId = Alert.idOf(symbol, bar.openTime(), model.version());
            if (bar.openTime() > alertSilence) sink.alert(alert(bar, row, score, model, now));
        }
        if (emit) emitEvent(sink, new RiskEvent(bar, fv, spec.featureNames(), score, model.threshold().value(), anomaly,
                model.name(), model.version(), model.kind().id(), anomaly ? episodeAlertId : null, lastPublishTime, now, byIdle, risk,
                pendingSince()));
    }

    private Long pendingSince() {
        long since = bars.pendingSince();
        return since == Long.MAX_VALUE ? null : since;
    }

    private void emitEvent(Sink sink, RiskEvent event) {
        lastEmittedOpen = event.bar().openTime();
        sink.event(event);
    }

    private Alert alert(Bar bar, double[] row, double score, ScoringModel model, long now) {
        Explanation why = model.explainer().explain(row);
        double threshold = model.threshold().value();
        return new Alert(episodeAlertId, symbol, spec.interval(), bar.openTime(), model.severity(score), score,
                threshold, model.name(), model.version(), why.top(EXPLAINED_FEATURES), 1, now);
    }

    public String symbol() { return symbol; }
    public FeatureSpec spec() { return spec; }
    public long lateCount() { return bars.lateCount(); }
    public long duplicateCount() { return bars.duplicateCount(); }
    /** Open time of the last bar sent to the sink; Long.MIN_VALUE before any. */
    public long lastEmittedOpen() { return lastEmittedOpen; }
}

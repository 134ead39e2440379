package dev.riskplatform.core.risk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.core.explain.Explainer;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.scoring.Threshold;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SymbolPipelineTest {

    private static final FeatureSpec SPEC = FeatureSpec.v1Defaults();
    private static final long MIN = 60_000L;
    private static final int BARS = 400;

    private final List<RiskEvent> events = new ArrayList<>();
    private final List<Alert> alerts = new ArrayList<>();
    private final SymbolPipeline.Sink sink = new SymbolPipeline.Sink() {
        public void event(RiskEvent e) { events.add(e); }
        public void alert(Alert a) { alerts.add(a); }
    };

    @Test
    void aPriceJumpGivesOneAlertExplainedByTheReturnAndEveryBarOneEvent() {
        BigDecimal[] closes = walk(BARS, 7);
        ScoringModel model = fit(closes);
        int jumpAt = 300;
        jumpFrom(closes, jumpAt);
        SymbolPipeline p = pipeline();
        feed(p, closes, model, 0, BARS);
        p.advanceTo(BARS * MIN + 10_000, model, sink);

        assertEquals(BARS, events.size(), "one event per closed bar");
        assertNull(events.get(SPEC.warmUpBars() - 1).score(), "warm-up bars carry no score");
        assertNotNull(events.get(SPEC.warmUpBars()).score());
        assertEquals(1, alerts.size(), "the jump and its echo are one episode: " + alerts);
        Alert a = alerts.get(0);
        assertEquals(jumpAt * MIN, a.openTime());
        assertTrue(List.of("log_return", "z_score").contains(a.explanation().get(0).name()), a.explanation().toString());
    }

    @Test
    void silencedBarsRebuildTheWindowsWithoutBeingEmittedAgain() {
        BigDecimal[] closes = walk(BARS, 11);
        ScoringModel model = fit(closes);
        SymbolPipeline p = pipeline();
        p.silenceThrough(99 * MIN);
        feed(p, closes, model, 0, 120);
        p.advanceTo(120 * MIN + 10_000, model, sink);
        assertEquals(20, events.size());
        assertEquals(100 * MIN, events.get(0).bar().openTime());
        assertNotNull(events.get(0).score(), "the rebuilt window is warm at the first emitted bar");
    }

    /**
     * A crash after a bar's event reached risk_events but before its alert reached risk_alerts: the
     * restarted pipeline is silenced through the event, replays, then learns the last alert sent.
     * The lost alert goes out (same id), nothing else does; an alert that did arrive is not repeated.
     */
    @Test
    void anAlertLostBetweenTheTwoTopicsIsSentAgainAfterTheReplay() {
        BigDecimal[] closes = walk(BARS, 7);
        ScoringModel model = fit(closes);
        int jumpAt = 300, crashAt = 305, replayedTo = 290;
        jumpFrom(closes, jumpAt);
        SymbolPipeline original = pipeline();
        feed(original, closes, model, 0, crashAt + 1);
        Alert sent = alerts.get(0);
        assertEquals(jumpAt * MIN, sent.openTime());

        for (long lastAlerted : new long[] {Long.MIN_VALUE, sent.openTime()}) {
            events.clear();
            alerts.clear();
            SymbolPipeline restarted = pipeline();
            restarted.silenceThrough((crashAt - 1) * MIN); // risk_events has every bar up to the crash
            feed(restarted, closes, model, 0, replayedTo); // the recovery replay: trades before the committed offset
            restarted.alertsAfter(lastAlerted);
            feed(restarted, closes, model, replayedTo, BARS); // re-delivered and new trades
            restarted.advanceTo(BARS * MIN + 10_000, model, sink);
            assertEquals(crashAt * MIN, events.get(0).bar().openTime(), "no event emitted twice");
            if (lastAlerted == Long.MIN_VALUE) {
                assertEquals(1, alerts.size(), "the lost alert, once: " + alerts);
                assertEquals(sent.alertId(), alerts.get(0).alertId());
            } else {
                assertEquals(List.of(), alerts, "risk_alerts has it: not repeated");
            }
        }
    }

    /**
     * A restart that restores every emitted bar from its event, then takes the trades after them, goes on as the
     * uninterrupted stream did: the same events (features, score, verdict, episode, 24 h risk) and no alert again
     * for the episode the restart fell into.
     */
    @Test
    void barsRestoredFromTheirEventsContinueAsTheUninterruptedStream() {
        BigDecimal[] closes = walk(BARS, 7);
        ScoringModel model = fit(closes);
        int jumpAt = 300, restartAt = 310;
        jumpFrom(closes, jumpAt);
        SymbolPipeline original = pipeline();
        feed(original, closes, model, 0, BARS);
        original.advanceTo(BARS * MIN + 10_000, model, sink);
        List<RiskEvent> uninterrupted = List.copyOf(events);
        assertEquals(1, alerts.size());

        events.clear();
        alerts.clear();
        SymbolPipeline restarted = pipeline();
        for (RiskEvent e : uninterrupted.subList(0, restartAt)) assertTrue(restarted.restore(emitted(e), model, false, sink));
        feed(restarted, closes, model, restartAt - 1, BARS); // the last restored bar's trades come again: refused
        restarted.advanceTo(BARS * MIN + 10_000, model, sink);

        assertEquals(BARS - restartAt, events.size(), "only the bars after the restored ones are emitted");
        for (int i = 0; i < events.size(); i++) {
            RiskEvent want = uninterrupted.get(restartAt + i), got = events.get(i);
            assertEquals(want.bar(), got.bar());
            assertArrayEquals(want.features().values(), got.features().values(), "bar " + (restartAt + i));
            assertEquals(want.score(), got.score());
            assertEquals(want.anomaly(), got.anomaly());
            assertEquals(want.alertId(), got.alertId(), "merged into the episode opened before the restart");
            assertEquals(want.intraday(), got.intraday());
            Long pending = restartAt + i + 1 < BARS ? (restartAt + i + 1) * MIN : null; // feed() publishes a bar's trades at its open
            assertEquals(pending, got.pendingSince(), "the next bar's trades were pending at this close; none after the last");
        }
        assertEquals(List.of(), alerts, "the episode open at the restart was alerted before it");
        assertEquals(2, restarted.duplicateCount(), "bar 309's two trades, at or below its last id: duplicates, not late");
    }

    /** The event of the episode's first bar arrived, its alert did not: the restore sends it, with the same id. */
    @Test
    void aRestoredBarWhoseAlertWasLostSendsItOnce() {
        BigDecimal[] closes = walk(BARS, 7);
        ScoringModel model = fit(closes);
        int jumpAt = 300;
        jumpFrom(closes, jumpAt);
        SymbolPipeline original = pipeline();
        feed(original, closes, model, 0, jumpAt + 2);
        List<RiskEvent> emitted = List.copyOf(events);
        Alert sent = alerts.get(0);
        alerts.clear();

        SymbolPipeline restarted = pipeline();
        for (RiskEvent e : emitted) restarted.restore(emitted(e), model, e.bar().openTime() >= jumpAt * MIN, sink);
        assertEquals(1, alerts.size(), "the episode's alert, not one per anomalous bar: " + alerts);
        assertEquals(sent.alertId(), alerts.get(0).alertId());
        assertEquals(sent.score(), alerts.get(0).score());
    }

    @Test
    void aBarThatDoesNotFollowTheLastRestoredOneIsNotRestored() {
        BigDecimal[] closes = walk(120, 5);
        ScoringModel model = fit(closes);
        SymbolPipeline original = pipeline();
        feed(original, closes, model, 0, 120);
        List<RiskEvent> emitted = List.copyOf(events);
        SymbolPipeline restarted = pipeline();
        assertTrue(restarted.restore(emitted(emitted.get(10)), model, false, sink));
        assertFalse(restarted.restore(emitted(emitted.get(12)), model, false, sink), "a hole after bar 10");
        assertFalse(restarted.restore(emitted(emitted.get(10)), model, false, sink), "bar 10 again");
        assertTrue(restarted.restore(emitted(emitted.get(11)), model, false, sink));
        SymbolPipeline live = pipeline();
        feed(live, closes, model, 0, 1);
        assertFalse(live.restore(emitted(emitted.get(0)), model, false, sink), "trades came first");
    }

    /** As risk_events carries the bar: no quote volume or VWAP. */
    private static EmittedBar emitted(RiskEvent e) {
        Bar b = e.bar();
        return new EmittedBar(new Bar(b.symbol(), b.interval(), b.openTime(), b.closeTime(), b.open(), b.high(), b.low(), b.close(),
                b.volume(), Double.NaN, Double.NaN, b.tradeCount(), b.firstTradeId(), b.lastTradeId(), b.gap()),
                e.score(), e.threshold(), e.anomaly(), e.alertId(), e.lastTradePublishTime(), e.pendingSince());
    }

    /** The drills' finding: an idle tick during a replay (event time 1970 here, wall time now) must not close the future. */
    @Test
    void anIdleTickAdvancesEventTimeByTheIdleTimeNotToTheWallClock() {
        BigDecimal[] closes = walk(BARS, 13);
        ScoringModel model = fit(closes);
        SymbolPipeline p = new SymbolPipeline("TEST", SPEC, 2_000, 30, System::currentTimeMillis);
        feed(p, closes, model, 0, 100);
        p.advanceIdle(5_000, model, sink);
        assertEquals(99, events.size(), "bars up to the newest trade are closed, the open one waits: 50 s + 5 s < 60 s");
        p.advanceIdle(15_000, model, sink);
        assertEquals(100, events.size(), "15 s after the newest trade (at 50 s into bar 99) bar 99 is over");
        assertTrue(events.subList(0, 99).stream().noneMatch(RiskEvent::closedByIdle), "bars 0-98: closed by the next bar's trade");
        assertTrue(events.get(99).closedByIdle(), "bar 99: closed by the idle timer, its latency is not from its last trade");
        feed(p, closes, model, 100, 120);
        p.advanceTo(120 * MIN + 10_000, model, sink);
        assertEquals(120, events.size(), "trades after the idle ticks are on time, not late: one event per bar");
    }

    private void feed(SymbolPipeline p, BigDecimal[] closes, ScoringModel model, int from, int to) {
        long id = from * 2L;
        for (int i = from; i < to; i++) {
            long open = i * MIN;
            p.onTrade(new Trade("TEST", id++, closes[i].add(BigDecimal.ONE), BigDecimal.ONE, open + 1_000, false), open, model, sink);
            p.onTrade(new Trade("TEST", id++, closes[i], BigDecimal.ONE, open + 50_000, false), open, model, sink);
        }
    }

    /** A lasting 5 % jump: every close from {@code jumpAt} on. */
    private static void jumpFrom(BigDecimal[] closes, int jumpAt) {
        for (int i = jumpAt; i < closes.length; i++) closes[i] = closes[i].multiply(new BigDecimal("1.05")).setScale(2, RoundingMode.HALF_UP);
    }

    private static SymbolPipeline pipeline() {
        return new SymbolPipeline("TEST", SPEC, 2_000, 30, () -> 0L);
    }

    static BigDecimal[] walk(int n, long seed) {
        Random rnd = new Random(seed);
        BigDecimal[] c = new BigDecimal[n];
        double price = 40_000;
        for (int i = 0; i < n; i++) {
            price *= Math.exp(rnd.nextGaussian() * 0.001);
            c[i] = BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
        }
        return c;
    }

    static ScoringModel fit(BigDecimal[] closes) {
        long[] open = new long[closes.length];
        double[] close = new double[closes.length];
        for (int i = 0; i < closes.length; i++) {
            open[i] = i * MIN;
            close[i] = closes[i].doubleValue();
        }
        FeatureMatrix m = FeatureEngine.computeAll(SPEC, open, close, null);
        IsolationForest f = IsolationForest.fit(m.values(), 4, new IsolationForest.Params(50, 256, 1));
        double[] scores = new double[m.rows()];
        f.score(m.values(), m.rows(), scores);
        Threshold t = Threshold.fixed(ScoreSummary.of(scores).max());
        return new ScoringModel("test", 1, ServedScorer.ISOLATION_FOREST, f, new Explainer(f, SPEC.featureNames()), t, SPEC);
    }
}

package dev.riskplatform.core.risk;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;

/**
 * One symbol's intraday risk over the last 24 hours, for each risk event, by the batch's own
 * formulas ({@link IntradayRisk}): the window holds the real (non-gap) bars opening in
 * {@code (t − 24 h, t]}, t = the newest bar's open time; returns {@code r_i = ln(c_i / c_{i−1})} run
 * between consecutive bars of the window; realized volatility {@code √(Σ r_i²) · √365}; historical
 * one-bar VaR and ES at 99 % ({@link IntradayRisk#valueAtRisk}). At a UTC day's last bar the window
 * is exactly that day's bars, so the stream's figures equal the batch's daily ones for that day.
 * <p>
 * Memory: a ring of (open time, close) for one day of bars, 16 bytes per bar (23 KB per symbol at 1m).
 */
public final class RollingIntradayRisk {

    public static final long WINDOW_MILLIS = 86_400_000L;
    public static final double CONFIDENCE = 0.99;

    /** The window's figures; the three values are null with fewer than two bars (no return). */
    public record Snapshot(int bars, Double realizedVolatility, Double var99, Double es99) {
    }

    private final long[] openTime;
    private final double[] close;
    private int head, size; // the oldest bar is at head

    public RollingIntradayRisk(BarInterval interval) {
        int capacity = (int) -Math.floorDiv(-WINDOW_MILLIS, interval.millis()); // ⌈24 h / interval⌉
        this.openTime = new long[capacity];
        this.close = new double[capacity];
    }

    /** Adds the bar (a gap bar is no observation, it only moves the window) and answers the window's figures. */
    public Snapshot onBar(Bar bar) {
        long from = bar.openTime() - WINDOW_MILLIS;
        while (size > 0 && openTime[head] <= from) drop();
        if (!bar.gap()) add(bar.openTime(), bar.close());
        return snapshot();
    }

    private void add(long open, double c) {
        if (size == openTime.length) drop(); // only with out-of-order bars, which the bar builder never emits
        int at = (head + size) % openTime.length;
        openTime[at] = open;
        close[at] = c;
        size++;
    }

    private void drop() {
        head = (head + 1) % openTime.length;
        size--;
    }

    private Snapshot snapshot() {
        if (size < 2) return new Snapshot(size, null, null, null);
        double[] returns = new double[size - 1];
        for (int i = 1; i < size; i++) {
            returns[i - 1] = Math.log(close[(head + i) % close.length] / close[(head + i - 1) % close.length]);
        }
        double[] sorted = IntradayRisk.sorted(returns);
        return new Snapshot(size, IntradayRisk.realizedVolatility(returns), IntradayRisk.valueAtRisk(sorted, CONFIDENCE),
                IntradayRisk.expectedShortfall(sorted, CONFIDENCE));
    }
}

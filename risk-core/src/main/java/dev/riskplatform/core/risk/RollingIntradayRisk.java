package dev.riskplatform.core.risk;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;

/**
 * One symbol's intraday risk over the last 24 hours, for each risk event, by the batch's own
 * formulas ({@link IntradayRisk}): the window holds the real (non-gap) bars opening in
 * {@code (t − 24 h, t]}, t = the newest bar's open time; returns {@code r_i = ln(c_i / c_{i−1})} run
 * between consecutive bars of the window; realized volatility {@code √(Σ r_i²) · √365}; historical
 * one-bar VaR and ES at 99 % ({@link IntradayRisk#valueAtRisk}). At a UTC day's last bar the window
 * is exactly that day's bars, so the stream's figures equal the batch's daily ones for that day, bit for bit.
 * <p>
 * Each bar stores its return to the bar before it, computed once when it enters; the window's first bar's
 * return is not in the sample (its predecessor has left). A snapshot is one pass over the n − 1 returns in
 * time order: Σr² in the batch's summation order, and the k = max(1, ⌈n(1 − p)⌉) smallest returns kept
 * sorted in a small buffer (a selection, not a sort of the window: k ≤ 15 for a day of 1m bars). ES sums
 * the returns ≤ r_(k) in ascending order, as the batch does over its sorted copy.
 * <p>
 * Memory: a ring of (open time, return) for one day of bars, 12 bytes per bar (17 KB per symbol at 1m). Bars
 * open on the interval's boundaries ({@link BarInterval#openTime}), so an open time is kept as the int number of
 * intervals since the first bar's: {@code open = origin + slot · interval}, exact for 2³¹ intervals (68 years of 1s bars).
 */
public final class RollingIntradayRisk {

    public static final long WINDOW_MILLIS = 86_400_000L;
    public static final double CONFIDENCE = 0.99;

    /** The window's figures; the three values are null with fewer than two bars (no return). */
    public record Snapshot(int bars, Double realizedVolatility, Double var99, Double es99) {
    }

    private final long intervalMillis;
    /** Open time of each bar as intervals since {@link #origin}. */
    private final int[] slot;
    private long origin = Long.MIN_VALUE;
    /** ln(c / c_previous) of each bar; the head's is never read. */
    private final double[] ret;
    private final double[] tail;
    private double lastClose;
    private int head, size; // the oldest bar is at head

    public RollingIntradayRisk(BarInterval interval) {
        this.intervalMillis = interval.millis();
        int capacity = (int) -Math.floorDiv(-WINDOW_MILLIS, intervalMillis); // ⌈24 h / interval⌉
        this.slot = new int[capacity];
        this.ret = new double[capacity];
        this.tail = new double[IntradayRisk.quantileIndex(Math.max(1, capacity - 1), CONFIDENCE) + 1];
    }

    /** Adds the bar (a gap bar is no observation, it only moves the window) and answers the window's figures. */
    public Snapshot onBar(Bar bar) {
        record(bar);
        return snapshot();
    }

    /** Adds the bar without answering the figures: a restart rebuilding the window from emitted bars. */
    public void record(Bar bar) {
        long from = bar.openTime() - WINDOW_MILLIS;
        while (size > 0 && openTime(head) <= from) drop();
        if (!bar.gap()) add(bar.openTime(), bar.close());
    }

    private void add(long open, double c) {
        if (origin == Long.MIN_VALUE) origin = open;
        if ((open - origin) % intervalMillis != 0) { // checked before any change: a refused bar leaves the window as it was
            throw new IllegalArgumentException("bar opening at " + open + " is off the " + intervalMillis + " ms grid");
        }
        if (size == slot.length) drop(); // only with out-of-order bars, which the bar builder never emits
        int at = (head + size) % slot.length;
        slot[at] = Math.toIntExact((open - origin) / intervalMillis);
        ret[at] = size > 0 ? Math.log(c / lastClose) : Double.NaN;
        lastClose = c;
        size++;
    }

    private long openTime(int at) {
        return origin + slot[at] * intervalMillis;
    }

    private void drop() {
        head = (head + 1) % slot.length;
        size--;
    }

    private Snapshot snapshot() {
        int n = size - 1; // returns in the window
        if (n < 1) return new Snapshot(size, null, null, null);
        int k = IntradayRisk.quantileIndex(n, CONFIDENCE) + 1;
        int kept = 0;
        double sumSq = 0;
        // The returns in time order are ret[head + 1 .. end) then, when the ring wraps, ret[0 .. wrapped).
        int first = head + 1, end = Math.min(head + size, ret.length), wrapped = head + size - end;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = pass == 0 ? first : 0, to = pass == 0 ? end : wrapped; i < to; i++) {
                double r = ret[i];
                sumSq += r * r;
                if (kept < k) kept = insert(r, kept);
                else if (r < tail[k - 1]) insert(r, k - 1);
            }
        }
        double q = tail[k - 1];
        return new Snapshot(size, Math.sqrt(sumSq) * Math.sqrt(IntradayRisk.DAYS_PER_YEAR), -q, expectedShortfall(k, q));
    }

    /** Inserts r into tail[0, kept) kept ascending (the largest falls off when kept was k − 1 of a full buffer). */
    private int insert(double r, int kept) {
        int i = kept;
        while (i > 0 && tail[i - 1] > r) {
            tail[i] = tail[i - 1];
            i--;
        }
        tail[i] = r;
        return kept + 1;
    }

    /** −mean of the returns ≤ q, summed in ascending order: the k kept, then the ties of q that were not kept. */
    private double expectedShortfall(int k, double q) {
        double sum = 0;
        for (int i = 0; i < k; i++) sum += tail[i];
        int ties = returnsEqualTo(q) - countEqual(tail, 0, k, q);
        for (int i = 0; i < ties; i++) sum += q;
        return -sum / (k + ties);
    }

    /** How many of the window's returns equal q. */
    private int returnsEqualTo(double q) {
        int end = Math.min(head + size, ret.length);
        return countEqual(ret, head + 1, end, q) + countEqual(ret, 0, head + size - end, q);
    }

    /** How many of a[from, to) equal v. */
    private static int countEqual(double[] a, int from, int to, double v) {
        int c = 0;
        for (int i = from; i < to; i++) if (a[i] == v) c++;
        return c;
    }
}

package dev.riskplatform.simulator;

import dev.riskplatform.core.market.Trade;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One symbol's trades and how far the replay got. Trades before the cursor "have happened":
 * REST serves them even to a client that was disconnected when they were streamed.
 *
 * <p>A looping tape never ends: after its last trade it plays again, lap after lap, each lap's ids moved on by the
 * tape's id span and its times by its time span (plus the mean gap between trades), so ids and times keep increasing
 * as on a live market. Positions are counted over all laps; lap 0 is the tape as loaded.
 */
final class Tape {

    private final List<Trade> trades;
    private final long[] ids;
    private final boolean loop;
    private final long idSpan, timeSpan;
    private long cursor;

    Tape(List<Trade> trades) {
        this(trades, false);
    }

    Tape(List<Trade> trades, boolean loop) {
        this.trades = List.copyOf(trades);
        this.ids = trades.stream().mapToLong(Trade::tradeId).toArray();
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) throw new IllegalArgumentException("trade ids must increase: " + ids[i - 1] + ", " + ids[i]);
        }
        this.loop = loop && !trades.isEmpty();
        int n = ids.length;
        this.idSpan = n == 0 ? 0 : ids[n - 1] - ids[0] + 1;
        long duration = n == 0 ? 0 : trades.get(n - 1).tradeTime() - trades.get(0).tradeTime();
        this.timeSpan = duration + Math.max(1, n > 1 ? duration / (n - 1) : 1);
    }

    /** The trade at position {@code g} (over all laps). */
    private Trade at(long g) {
        int n = trades.size();
        long lap = g / n;
        Trade t = trades.get((int) (g % n));
        if (lap == 0) return t;
        return new Trade(t.symbol(), t.tradeId() + lap * idSpan, t.price(), t.quantity(), t.tradeTime() + lap * timeSpan, t.buyerIsMaker());
    }

    private long end() {
        return loop ? Long.MAX_VALUE : trades.size();
    }

    private List<Trade> slice(long from, long to) {
        if (!loop) return trades.subList((int) from, (int) to);
        List<Trade> out = new ArrayList<>((int) (to - from));
        for (long g = from; g < to; g++) out.add(at(g));
        return out;
    }

    /** The next {@code n} trades, advancing the cursor. */
    synchronized List<Trade> advance(int n) {
        long from = cursor;
        cursor = Math.min(end(), cursor + n);
        return slice(from, cursor);
    }

    /** Trades up to replay time {@code untilTradeTime}, advancing the cursor. */
    synchronized List<Trade> advanceUntil(long untilTradeTime) {
        long from = cursor;
        while (cursor < end() && at(cursor).tradeTime() <= untilTradeTime) cursor++;
        return slice(from, cursor);
    }

    synchronized boolean finished() {
        return cursor >= end();
    }

    /** How many trades have been streamed so far, and the id and time of the last one (0 before the first). */
    synchronized Progress progress() {
        Trade last = cursor == 0 ? null : at(cursor - 1);
        return new Progress(cursor, ids.length, last == null ? 0 : last.tradeId(), last == null ? 0 : last.tradeTime());
    }

    /** {@code total} is the tape's length (a looping tape plays it again and again). */
    record Progress(long sent, int total, long lastSentTradeId, long lastSentTradeTime) {}

    /** Trade time of the next trade to stream (of the last one once finished; 0 for an empty tape). */
    synchronized long nextTradeTime() {
        return trades.isEmpty() ? 0 : at(Math.min(cursor, end() - 1)).tradeTime();
    }

    /**
     * Resumes at trade time {@code fromTime}: the trades before it count as happened (REST serves them, the
     * stream skips them). A tape that ends before {@code fromTime} is not moved; a looping tape moves to the lap
     * that holds it. Returns how many were skipped.
     */
    synchronized long resumeAt(long fromTime) {
        long g = cursor;
        if (loop && timeSpan > 0) g = Math.max(g, Math.max(0, (fromTime - trades.get(0).tradeTime()) / timeSpan) * trades.size());
        while (g < end() && at(g).tradeTime() < fromTime) g++;
        if (g >= end()) return 0;
        long skipped = g - cursor;
        cursor = g;
        return skipped;
    }

    /** historicalTrades semantics: up to {@code limit} happened trades with id >= fromId. */
    synchronized List<Trade> history(long fromId, int limit) {
        long start = firstAtOrAfter(fromId);
        return start >= cursor ? List.of() : slice(start, Math.min(cursor, start + limit));
    }

    /** Position of the first trade with id >= {@code id}, over all laps. */
    private long firstAtOrAfter(long id) {
        int n = ids.length;
        if (n == 0) return 0;
        long lap = loop && id > ids[0] ? (id - ids[0]) / idSpan : 0;
        int i = Arrays.binarySearch(ids, id - lap * idSpan);
        int start = i >= 0 ? i : -i - 1;
        return lap * n + start; // start == n: the next lap's first trade
    }
}

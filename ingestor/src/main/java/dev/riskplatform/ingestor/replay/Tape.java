package dev.riskplatform.ingestor.replay;

import dev.riskplatform.core.market.Trade;
import java.util.Arrays;
import java.util.List;

/**
 * One symbol's trades and how far the replay got. Trades before the cursor "have happened":
 * REST serves them even to a client that was disconnected when they were streamed.
 */
final class Tape {

    private final List<Trade> trades;
    private final long[] ids;
    private int cursor;

    Tape(List<Trade> trades) {
        this.trades = List.copyOf(trades);
        this.ids = trades.stream().mapToLong(Trade::tradeId).toArray();
        for (int i = 1; i < ids.length; i++) {
            if (ids[i] <= ids[i - 1]) throw new IllegalArgumentException("trade ids must increase: " + ids[i - 1] + ", " + ids[i]);
        }
    }

    /** The next {@code n} trades, advancing the cursor. */
    synchronized List<Trade> advance(int n) {
        int from = cursor;
        cursor = Math.min(trades.size(), cursor + n);
        return trades.subList(from, cursor);
    }

    /** Trades up to replay time {@code untilTradeTime}, advancing the cursor. */
    synchronized List<Trade> advanceUntil(long untilTradeTime) {
        int from = cursor;
        while (cursor < trades.size() && trades.get(cursor).tradeTime() <= untilTradeTime) cursor++;
        return trades.subList(from, cursor);
    }

    synchronized boolean finished() {
        return cursor >= trades.size();
    }

    /** How many trades have been streamed so far, and the id of the last one (0 before the first). */
    synchronized Progress progress() {
        return new Progress(cursor, ids.length, cursor == 0 ? 0 : ids[cursor - 1]);
    }

    record Progress(int sent, int total, long lastSentTradeId) {}

    /** Trade time of the next trade to stream (of the last one once finished; 0 for an empty tape). */
    synchronized long nextTradeTime() {
        return trades.isEmpty() ? 0 : trades.get(Math.min(cursor, trades.size() - 1)).tradeTime();
    }

    /**
     * Resumes at trade time {@code fromTime}: the trades before it count as happened (REST serves them, the
     * stream skips them). A tape that ends before {@code fromTime} is not moved. Returns how many were skipped.
     */
    synchronized int resumeAt(long fromTime) {
        int i = cursor;
        while (i < trades.size() && trades.get(i).tradeTime() < fromTime) i++;
        if (i >= trades.size()) return 0;
        int skipped = i - cursor;
        cursor = i;
        return skipped;
    }

    /** historicalTrades semantics: up to {@code limit} happened trades with id >= fromId. */
    synchronized List<Trade> history(long fromId, int limit) {
        int i = Arrays.binarySearch(ids, 0, cursor, fromId);
        int start = i >= 0 ? i : -i - 1;
        return trades.subList(start, Math.min(cursor, start + limit));
    }
}

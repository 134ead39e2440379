package dev.riskplatform.ingestor.binance;

import dev.riskplatform.core.market.Trade;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One symbol's trades in trade-id order, each once. Binance trade ids are consecutive per
 * symbol, so a jump in ids IS a gap, whatever caused it (reconnect, dropped frame): live
 * trades are then held back while the gap is filled from REST, and published after it, so
 * consumers see ids in order. A gap REST cannot fill is reported and skipped, never waited on.
 * Memory is bounded: a window of recent ids (to tell duplicates from out-of-order ids) and a
 * hold-back buffer capped for all the symbols of a session together ({@link HeldBudget}).
 */
public final class TradeSequencer {

    /** Where trades and verdicts go; implemented by the pipeline (Kafka, DLQ, metrics). */
    public interface Sink {
        void publish(Trade trade, String source);

        void reject(String kind, String reason, String symbol, String raw);

        /** A trade of a backfill page refused for {@code reason}; {@code raw} is its element's text. */
        void rejectBackfill(String kind, String reason, String symbol, String raw);

        void gap(String symbol, long fromId, long toId, GapOutcome outcome, String detail);

        /** False while Kafka takes no more (PublishGate): trades are then deferred, not handed over. */
        default boolean hasRoom() {
            return true;
        }

        /** A live trade already in market_prices before this process started (at or below the seed): skipped. */
        default void publishedBefore(Trade trade) {
        }

        /** A live trade not handed over for want of room; it comes back through the gap fill. */
        default void deferred(Trade trade) {
        }
    }

    /** Fetches up to {@code limit} trades from {@code fromId} on, each a trade or a refusal, in id order. */
    public interface Fetcher {
        CompletableFuture<List<HistoricalTradesClient.Entry>> fetch(String symbol, long fromId, int limit);
    }

    public enum GapOutcome { FOUND, BACKFILLED, UNFILLABLE }

    /** The held-back trades of one session's sequencers, counted together against {@link #MAX_HELD}. */
    public static final class HeldBudget {
        private final AtomicInteger held = new AtomicInteger();

        boolean take() {
            if (held.incrementAndGet() <= MAX_HELD) return true;
            held.decrementAndGet();
            return false;
        }

        void release() {
            held.decrementAndGet();
        }
    }

    static final int RECENT_IDS = 10_000;
    /**
     * Live trades a session may hold back while gaps are filled, all its symbols together: a reconnect opens a
     * gap on every symbol at once, so only a cap per session bounds the heap whatever the number of symbols.
     * 32,768 trades are ~10 MB, and seconds of a busy symbol's trades.
     */
    static final int MAX_HELD = 32_768;
    static final int FETCH_ATTEMPTS = 3;
    /** How often a gap fill that stopped for want of room looks again. */
    static final long ROOM_POLL_MS = 200;

    private final String symbol;
    private final Sink sink;
    private final Fetcher fetcher;
    private final String liveSource;
    private final String backfillSource;
    private final HeldBudget budget;
    private final RecentIds recent = new RecentIds(RECENT_IDS);
    private final TreeMap<Long, Trade> held = new TreeMap<>();
    private long lastId = -1;
    private boolean filling;
    /** The highest id deferred for want of room, and whether a look for room is scheduled. */
    private long deferredThrough = -1;
    /** The last id market_prices held when this process started (-1: unknown). */
    private long seededThrough = -1;
    private boolean awaitingRoom;

    /** Sources are the docs/topics.md {@code source} values, e.g. binance / binance-backfill. */
    public TradeSequencer(String symbol, Sink sink, Fetcher fetcher, String liveSource, String backfillSource, HeldBudget budget) {
        this.symbol = symbol;
        this.sink = sink;
        this.fetcher = fetcher;
        this.liveSource = liveSource;
        this.backfillSource = backfillSource;
        this.budget = budget;
    }

    public synchronized long lastPublishedId() {
        return lastId;
    }

    /**
     * Starts from {@code lastId}, the symbol's last trade in market_prices (MarketPricesTail): the first live trade after
     * it then shows the trades streamed while no ingestor ran as a gap, filled from REST. Ignored once trades flowed.
     */
    public synchronized void seed(long lastId) {
        if (this.lastId >= 0 || lastId < 0) return;
        this.lastId = lastId;
        this.seededThrough = lastId;
    }

    /** A trade from the live stream; {@code raw} is kept for the dead letter if it is refused. */
    public synchronized void onLive(Trade t, String raw) {
        long id = t.tradeId();
        if (id <= seededThrough && !recent.contains(id)) { // a resumed replay's first trades; not a refusal
            sink.publishedBefore(t);
            return;
        }
        if (lastId >= 0 && id <= lastId || held.containsKey(id)) {
            boolean dup = recent.contains(id) || held.containsKey(id);
            sink.reject(dup ? "duplicate" : "out_of_order", "trade id " + id + (dup ? " is a duplicate" : " is older than")
                    + " (last published id " + lastId + ")", symbol, raw);
            return;
        }
        if (!sink.hasRoom()) {
            defer(t);
        } else if (filling) {
            hold(t);
        } else if (lastId < 0 || id == lastId + 1) {
            publish(t, liveSource);
        } else {
            hold(t);
            startFill(id - 1);
        }
    }

    /**
     * Kafka takes no more: the trade is not handed over and its id not passed, so the next trade handed over after it
     * opens a gap, filled from REST like any other. Nothing is held meanwhile, so an outage of any length costs no heap.
     */
    private void defer(Trade t) {
        if (lastId < 0) lastId = t.tradeId() - 1; // a first trade deferred: the gap must start at it
        deferredThrough = Math.max(deferredThrough, t.tradeId());
        sink.deferred(t);
        if (!awaitingRoom) {
            awaitingRoom = true;
            recoverWhenRoom();
        }
    }

    /** Once Kafka takes records again, the deferred trades are fetched at once, not when the next live trade comes. */
    private void recoverWhenRoom() {
        CompletableFuture.delayedExecutor(ROOM_POLL_MS, TimeUnit.MILLISECONDS).execute(() -> {
            synchronized (this) {
                if (!sink.hasRoom()) {
                    recoverWhenRoom();
                    return;
                }
                awaitingRoom = false;
                if (!filling && deferredThrough > lastId) startFill(deferredThrough);
            }
        });
    }

    private void hold(Trade t) {
        if (!budget.take()) {
            sink.reject("overflow", "gap backfill is too slow: more than " + MAX_HELD + " live trades held back in this session",
                    symbol, t.toString());
            return;
        }
        held.put(t.tradeId(), t);
    }

    private Trade unhold() {
        budget.release();
        return held.pollFirstEntry().getValue();
    }

    private void publish(Trade t, String source) {
        sink.publish(t, source);
        lastId = t.tradeId();
        recent.add(lastId);
    }

    private void startFill(long toId) {
        filling = true;
        sink.gap(symbol, lastId + 1, toId, GapOutcome.FOUND, "");
        fetchPage(lastId + 1, toId, lastId + 1, 1);
    }

    private void fetchPage(long gapFrom, long toId, long fromId, int attempt) {
        int limit = (int) Math.min(HistoricalTradesClient.MAX_LIMIT, toId - fromId + 1);
        fetcher.fetch(symbol, fromId, limit).whenComplete((page, error) -> {
            synchronized (this) {
                if (error != null) retryOrGiveUp(gapFrom, toId, fromId, attempt, error);
                else onPage(gapFrom, toId, page);
            }
        });
    }

    private void retryOrGiveUp(long gapFrom, long toId, long fromId, int attempt, Throwable error) {
        if (attempt < FETCH_ATTEMPTS) {
            // Wait 1 s, 2 s…: hammering a REST endpoint that answered 429 is how an IP gets a 418 ban.
            CompletableFuture.delayedExecutor(attempt, TimeUnit.SECONDS).execute(() -> fetchPage(gapFrom, toId, fromId, attempt + 1));
        } else {
            unfillable(toId, "REST failed " + attempt + " times: " + error);
        }
    }

    private void onPage(long gapFrom, long toId, List<HistoricalTradesClient.Entry> page) {
        long before = lastId;
        boolean full = false;
        for (HistoricalTradesClient.Entry e : page) {
            if (full = !sink.hasRoom()) break;
            take(e, toId);
        }
        if (lastId >= toId) {
            sink.gap(symbol, gapFrom, toId, GapOutcome.BACKFILLED, "");
            drainHeld();
        } else if (full) {
            awaitRoom(gapFrom, toId);
        } else if (lastId == before) {
            // No progress: the exchange has a hole here (or REST lags); asking again would loop.
            unfillable(toId, page.isEmpty() ? "REST has no trades from id " + (lastId + 1)
                    : "REST has no usable trade with id " + (lastId + 1));
        } else {
            fetchPage(gapFrom, toId, lastId + 1, 1);
        }
    }

    /** Kafka takes no more: the fill goes on from the next id once it does (its held trades wait meanwhile). */
    private void awaitRoom(long gapFrom, long toId) {
        CompletableFuture.delayedExecutor(ROOM_POLL_MS, TimeUnit.MILLISECONDS).execute(() -> {
            synchronized (this) {
                if (sink.hasRoom()) fetchPage(gapFrom, toId, lastId + 1, 1);
                else awaitRoom(gapFrom, toId);
            }
        });
    }

    /**
     * One element of a backfill page. A refused one is dead-lettered, and when its id could be read, that id counts
     * as dealt with: one bad trade must not make the rest of its page (up to 1,000 trades) unfillable. Ids the page
     * skips before an element are a hole REST has no trade for, reported as such.
     */
    private void take(HistoricalTradesClient.Entry e, long toId) {
        if (e.trade() == null) sink.rejectBackfill(e.kind(), e.reason(), symbol, e.raw());
        long id = e.id();
        if (id <= lastId || id > toId) return; // overlap, beyond the gap, or an id that could not be read (-1)
        if (id > lastId + 1) hole(id - 1, "REST skips from id " + (lastId + 1) + " to " + id);
        if (e.trade() != null) publish(e.trade(), backfillSource);
        else lastId = id;
    }

    private void hole(long toId, String detail) {
        sink.gap(symbol, lastId + 1, toId, GapOutcome.UNFILLABLE, detail);
        lastId = toId;
    }

    private void unfillable(long toId, String detail) {
        hole(toId, detail);
        drainHeld();
    }

    /** Publishes held trades while they follow on; a further jump starts the next fill. */
    private void drainHeld() {
        while (!held.isEmpty()) {
            Trade next = held.firstEntry().getValue();
            if (next.tradeId() <= lastId) {
                unhold();
            } else if (next.tradeId() == lastId + 1) {
                publish(unhold(), liveSource);
            } else {
                startFill(next.tradeId() - 1);
                return;
            }
        }
        filling = false;
        if (deferredThrough > lastId) startFill(deferredThrough); // deferred during the fill, nothing live after them
    }
}

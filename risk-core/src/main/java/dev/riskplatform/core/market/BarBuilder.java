package dev.riskplatform.core.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Event-time tumbling bars for ONE symbol, aligned to the epoch ({@link BarInterval#openTime}).
 *
 * <p><b>Watermark.</b> watermark = max trade time seen - allowedLateness (or {@code now -
 * allowedLateness} from {@link #advanceTo}, whichever is later). The bar [open, open + I)
 * closes once watermark >= open + I. A trade whose bar is closed is rejected: never merged.
 *
 * <p><b>Duplicates.</b> Memory is bounded: the ids of the bars still open (at most
 * allowedLateness / I + 2 bars) plus one high-water id over closed bars. A trade for an
 * open bar whose id is already there is a DUPLICATE. A trade for a closed bar is a DUPLICATE
 * when its id is at or below the high-water mark (Binance ids grow with trade time, so that is
 * a replay after a reconnect), otherwise LATE. Both are dropped and counted.
 *
 * <p><b>Gaps.</b> Empty intervals between two real bars are emitted as gap bars (see
 * {@link Bar#gap}) when the later real bar closes, so the bar sequence has no holes and the
 * output never depends on when an idle timer fired. Idle time after the last bar emits
 * nothing until the next bar closes: a gap bar carries no information before then.
 *
 * <p>Not thread-safe: one builder per symbol stream.
 */
public final class BarBuilder {

    public enum Outcome { ACCEPTED, DUPLICATE, LATE }

    public static final long DEFAULT_ALLOWED_LATENESS_MS = 2_000L;

    private final String symbol;
    private final BarInterval interval;
    private final long allowedLateness;
    private final Consumer<Bar> sink;
    private final TreeMap<Long, OpenBar> open = new TreeMap<>();
    private OpenBar last; // the previous trade's bar
    private long maxTradeTime = Long.MIN_VALUE;
    private long closedBefore = Long.MIN_VALUE; // every bar opening before this is closed
    private long closedIdHighWater = -1L;
    private long lastEmittedOpen = Long.MIN_VALUE;
    private double lastClose;
    private long accepted, duplicates, late, bars, gapBars;

    public BarBuilder(String symbol, BarInterval interval, long allowedLatenessMillis, Consumer<Bar> sink) {
        if (symbol == null || symbol.isBlank()) throw new IllegalArgumentException("symbol is blank");
        if (allowedLatenessMillis < 0) throw new IllegalArgumentException("allowed lateness must be >= 0 ms");
        this.symbol = symbol;
        this.interval = Objects.requireNonNull(interval, "interval");
        this.allowedLateness = allowedLatenessMillis;
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Batch entry: feeds the trades through the same streaming path, then {@link #flush()}. */
    public static List<Bar> buildAll(String symbol, BarInterval interval, long allowedLatenessMillis,
                                     Iterable<Trade> trades) {
        List<Bar> out = new ArrayList<>();
        BarBuilder builder = new BarBuilder(symbol, interval, allowedLatenessMillis, out::add);
        for (Trade t : trades) builder.onTrade(t);
        builder.flush();
        return out;
    }

    public Outcome onTrade(Trade t) {
        return onTrade(t, Long.MAX_VALUE);
    }

    /** As {@link #onTrade(Trade)}, noting when the trade was published for {@link #pendingSince}. */
    public Outcome onTrade(Trade t, long publishTime) {
        if (!symbol.equals(t.symbol())) {
            throw new IllegalArgumentException("trade for " + t.symbol() + " sent to the " + symbol + " bar builder");
        }
        long barOpen = interval.openTime(t.tradeTime());
        if (barOpen < closedBefore) return reject(t);
        OpenBar bar = openBar(barOpen);
        if (!bar.add(t)) {
            duplicates++;
            return Outcome.DUPLICATE;
        }
        bar.firstPublishTime = Math.min(bar.firstPublishTime, publishTime);
        accepted++;
        if (t.tradeTime() > maxTradeTime) {
            maxTradeTime = t.tradeTime();
            closeUpTo(maxTradeTime - allowedLateness);
        }
        return Outcome.ACCEPTED;
    }

    /** Most trades fall in the previous trade's bar: found without a map lookup and a boxed key. */
    private OpenBar openBar(long barOpen) {
        if (last == null || last.openTime != barOpen) last = open.computeIfAbsent(barOpen, OpenBar::new);
        return last;
    }

    /**
     * Restart recovery: bars up to {@code last} were built and emitted before, from trades this builder never saw.
     * A trade of them or of an earlier bar is refused (a DUPLICATE at or below the bar's last trade id, else LATE),
     * and an interval without trades after it becomes a gap bar at its close, as if the builder had built it.
     * Only before the first trade; bars must come in open-time order.
     */
    public void resumeAfter(Bar last) {
        if (accepted > 0 || !open.isEmpty()) throw new IllegalStateException("the " + symbol + " builder has taken trades already");
        if (!last.interval().equals(interval)) throw new IllegalArgumentException("bar interval " + last.interval() + " is not " + interval);
        if (last.openTime() <= lastEmittedOpen) throw new IllegalArgumentException("bar " + last.openTime() + " is not after " + lastEmittedOpen);
        closedBefore = last.openTime() + interval.millis();
        closedIdHighWater = Math.max(closedIdHighWater, last.lastTradeId());
        lastEmittedOpen = last.openTime();
        lastClose = last.close();
    }

    /** Idle-timer entry: closes bars by wall clock when no trade follows. */
    public void advanceTo(long nowMillis) {
        closeUpTo(nowMillis - allowedLateness);
    }

    /** End of stream: closes every open bar; any later trade is rejected. */
    public void flush() {
        closeBefore(Long.MAX_VALUE);
    }

    private Outcome reject(Trade t) {
        if (t.tradeId() <= closedIdHighWater) {
            duplicates++;
            return Outcome.DUPLICATE;
        }
        late++;
        return Outcome.LATE;
    }

    private void closeUpTo(long watermark) {
        // Bars with open + I <= watermark are exactly those opening before openTime(watermark).
        long boundary = interval.openTime(watermark);
        if (boundary > closedBefore) closeBefore(boundary);
    }

    private void closeBefore(long boundary) {
        closedBefore = boundary;
        while (!open.isEmpty() && open.firstKey() < boundary) {
            OpenBar closed = open.pollFirstEntry().getValue();
            if (closed == last) last = null;
            emit(closed);
        }
    }

    private void emit(OpenBar ob) {
        if (lastEmittedOpen != Long.MIN_VALUE) {
            for (long t = lastEmittedOpen + interval.millis(); t < ob.openTime; t += interval.millis()) {
                sink.accept(Bar.gap(symbol, interval, t, lastClose));
                gapBars++;
            }
        }
        Bar bar = ob.toBar(symbol, interval);
        closedIdHighWater = Math.max(closedIdHighWater, ob.maxId());
        lastEmittedOpen = ob.openTime;
        lastClose = bar.close();
        bars++;
        sink.accept(bar);
    }

    public String symbol() { return symbol; }
    public BarInterval interval() { return interval; }
    public long allowedLatenessMillis() { return allowedLateness; }
    public long acceptedCount() { return accepted; }
    public long duplicateCount() { return duplicates; }
    public long lateCount() { return late; }
    /** Real (non-gap) bars emitted. */
    public long barCount() { return bars; }
    public long gapBarCount() { return gapBars; }
    /**
     * When the earliest trade of the bars still open was published; Long.MAX_VALUE when none is open. A restart needs
     * the trades from there on to rebuild them (they are in no emitted bar).
     */
    public long pendingSince() {
        long since = Long.MAX_VALUE;
        for (OpenBar b : open.values()) since = Math.min(since, b.firstPublishTime);
        return since;
    }

    /** Bars still open, waiting for the watermark. */
    public int openBarCount() { return open.size(); }
}

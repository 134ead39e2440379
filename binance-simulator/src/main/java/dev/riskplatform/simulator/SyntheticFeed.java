package dev.riskplatform.simulator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Synthetic trades for the load harness (ops/loadtest.sh): {@code rate} trades/s in total, spread
 * round-robin over the symbols or, with {@link #withZipf} s &gt; 0, with the market's skew: symbol k
 * (0-based) draws a trade with probability (k + 1)^−s / Σ_j (j + 1)^−s, so a few symbols carry most
 * trades (s = 1: the top 10 of 2,000 carry about 36 %). For a bounded time, generated on the fly (no tape in memory).
 * Event time runs {@code eventSpeed}× wall time from the start, so 1-minute bars close every
 * 60/eventSpeed s and the close latency can be measured within a short run.
 *
 * <p>Price jumps, so the detector alerts under load and the alert latency can be measured: the walk
 * alone (±1 cent per trade) never looks anomalous to a model trained on real 1m bars. With
 * {@link Jumps#everyBars} &gt; 0, the first trade of every N-th 1-minute bar (event time) of a symbol
 * moves the price by {@link Jumps#bps} basis points, up and down in turn, so the price stays where it
 * was. Symbols are staggered (symbol i jumps in bars where (bar + i) % N == 0), so alerts spread over
 * the run instead of arriving together. Deterministic: the same run gives the same jumps.
 *
 * <p>The feed ticks on its own thread, not on an event loop: Vert.x flushes a socket after every write made
 * on its event loop outside a read, a system call per frame, while writes from another thread are queued and
 * flushed together.
 */
final class SyntheticFeed {

    private static final Logger LOG = Logger.getLogger(SyntheticFeed.class);

    /** One synthetic trade, as plain numbers: the replay server writes its frame without a Trade or a BigDecimal. */
    record Tick(String symbol, long id, long priceCents, long tradeTime, boolean buyerIsMaker) {}

    private static final long TICK_MS = 10;
    /** How long past its end a run may keep sending what it still owes (see tick). */
    private static final long GRACE_MS = 10_000;
    /** The detector's bars are 1 minute of event time. */
    private static final long BAR_MS = 60_000;

    /**
     * @param everyBars a jump every this many bars per symbol; 0 = none (the plain walk)
     * @param bps       size of a jump in basis points of the price (100 = 1 %)
     */
    record Jumps(int everyBars, int bps) {
        static final Jumps NONE = new Jumps(0, 0);

        Jumps {
            if (everyBars < 0 || bps < 0 || bps >= 10_000) throw new IllegalArgumentException("jumps: everyBars >= 0, bps 0..9999");
        }
    }

    private final List<String> symbols;
    private final long rate, durationMs, eventSpeed;
    private final Consumer<List<Tick>> sink;
    private final BooleanSupplier backpressured;
    private final long[] nextId, price, lastBar;
    private final int[] jumpsDone;
    private final Jumps jumps;
    private final SplittableRandom random = new SplittableRandom(7);
    /** Cumulative Zipf weights, or null for round-robin. */
    private double[] zipfCumulative;
    private final AtomicLong sent = new AtomicLong();
    private final CompletableFuture<Long> done = new CompletableFuture<>();
    private long wallStart, eventStart;
    private ScheduledExecutorService timer;

    SyntheticFeed(List<String> symbols, long rate, long durationMs, long eventSpeed, Consumer<List<Tick>> sink,
                  BooleanSupplier backpressured, Jumps jumps) {
        this.backpressured = backpressured;
        this.jumps = jumps;
        this.symbols = List.copyOf(symbols);
        this.rate = rate;
        this.durationMs = durationMs;
        this.eventSpeed = eventSpeed;
        this.sink = sink;
        this.nextId = new long[symbols.size()];
        this.price = new long[symbols.size()];
        java.util.Arrays.fill(price, 4_200_000); // cents
        this.lastBar = new long[symbols.size()];
        java.util.Arrays.fill(lastBar, Long.MIN_VALUE);
        this.jumpsDone = new int[symbols.size()];
    }

    /** Trade ids continue for the symbols this run shares with the last one, so they are not taken for duplicates. */
    SyntheticFeed continueFrom(Map<String, Long> lastIds, long eventTimeFloor) {
        for (int s = 0; s < symbols.size(); s++) nextId[s] = lastIds.getOrDefault(symbols.get(s), 0L);
        eventStart = eventTimeFloor;
        return this;
    }

    /** Zipf-skewed symbol rates with exponent {@code s} (class comment); 0 keeps round-robin. */
    SyntheticFeed withZipf(double s) {
        if (!(s >= 0)) throw new IllegalArgumentException("zipf exponent must be >= 0, got " + s);
        if (s == 0) {
            zipfCumulative = null;
            return this;
        }
        double[] c = new double[symbols.size()];
        double sum = 0;
        for (int k = 0; k < c.length; k++) c[k] = sum += Math.pow(k + 1, -s);
        for (int k = 0; k < c.length; k++) c[k] /= sum;
        zipfCumulative = c;
        return this;
    }

    SyntheticFeed start() {
        wallStart = System.currentTimeMillis();
        eventStart = Math.max(eventStart, wallStart);
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-feed");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::tickSafely, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        return this;
    }

    /** A tick that throws would silently cancel all later ones: end the run with the error instead. */
    private void tickSafely() {
        try {
            tick();
        } catch (RuntimeException e) {
            LOG.errorf("load feed stopped after %d trades: %s", sent.get(), e.toString());
            timer.shutdown();
            done.completeExceptionally(e);
        }
    }

    private void tick() {
        long wall = System.currentTimeMillis() - wallStart;
        long elapsed = Math.min(wall, durationMs);
        // Behind a full socket the feed waits and sends less than offered (the harness reports what was
        // published); queueing without bound took the ingestor's heap at 100 k/s.
        long due = backpressured.getAsBoolean() ? 0 : Math.min(rate * elapsed / 1000 - sent.get(), Math.max(1, rate / 20));
        long eventTime = eventStart + elapsed * eventSpeed;
        List<Tick> ticks = new ArrayList<>((int) Math.max(0, due));
        for (long i = 0; i < due; i++) ticks.add(next(pick(sent.get() + i), eventTime));
        sent.addAndGet(Math.max(0, due));
        if (!ticks.isEmpty()) sink.accept(ticks);
        // A tick sends at most 50 ms worth, so on a busy machine (late ticks) the offered count is still
        // owed at the end: keep ticking until it is sent, or until a full socket made it late by GRACE_MS.
        boolean allSent = sent.get() >= rate * durationMs / 1000;
        if (elapsed >= durationMs && (allSent || wall >= durationMs + GRACE_MS)) {
            timer.shutdown();
            done.complete(sent.get());
        }
    }

    /** The symbol of the n-th trade: round-robin, or a Zipf draw (inverse of the cumulative weights). */
    private int pick(long n) {
        if (zipfCumulative == null) return (int) (n % symbols.size());
        int k = java.util.Arrays.binarySearch(zipfCumulative, random.nextDouble());
        return Math.min(symbols.size() - 1, k >= 0 ? k : -k - 1);
    }

    /** A random walk in cents: ±1 cent per trade, never below one dollar; plus the jumps (class comment). */
    private Tick next(int s, long eventTime) {
        price[s] = Math.max(100, price[s] + random.nextInt(3) - 1 + jump(s, eventTime));
        return new Tick(symbols.get(s), ++nextId[s], price[s], eventTime, random.nextBoolean());
    }

    /** The jump (in cents) on the first trade of a jump bar, else 0. */
    private long jump(int s, long eventTime) {
        long bar = Math.floorDiv(eventTime, BAR_MS);
        if (jumps.everyBars() == 0 || bar == lastBar[s]) return 0;
        lastBar[s] = bar;
        if (Math.floorMod(bar + s, jumps.everyBars()) != 0) return 0;
        long size = price[s] * jumps.bps() / 10_000;
        return jumpsDone[s]++ % 2 == 0 ? size : -size;
    }

    Map<String, Long> lastIds() {
        Map<String, Long> ids = new HashMap<>();
        for (int s = 0; s < symbols.size(); s++) ids.put(symbols.get(s), nextId[s]);
        return ids;
    }

    long eventTimeReached() {
        return eventStart + Math.min(System.currentTimeMillis() - wallStart, durationMs) * eventSpeed;
    }

    long sent() {
        return sent.get();
    }

    CompletableFuture<Long> done() {
        return done;
    }
}

package dev.riskplatform.simulator;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The load harness's source (ops/loadtest.sh): synthetic symbols LOAD0000&lt;tag&gt;USDT.. listed in exchangeInfo and
 * streamed by the server to whichever client subscribes them (the ingestor follows the listings, as on Binance). One
 * run at a time; ids and event time continue across runs of the same symbols.
 */
public final class LoadGenerator {

    /**
     * Three full connections of 1,024 streams. A client subscribes with SUBSCRIBE messages (paced under Binance's
     * 5 a second), so the count is bound by connections, not by a URL's length.
     */
    public static final int MAX_SYMBOLS = 3 * 1024;

    private final Vertx vertx;
    private final ReplayServer server;
    private List<String> symbols = List.of();
    private SyntheticFeed feed;

    public LoadGenerator(Vertx vertx, ReplayServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    /** Starts a run; false when one is still running. */
    public synchronized boolean start(int symbolCount, long rate, Duration duration, long eventSpeed, int jumpEveryBars, int jumpBps,
                                      double zipf) {
        if (feed != null && !feed.done().isDone()) return false;
        list(symbolCount);
        SyntheticFeed next = new SyntheticFeed(symbols, rate, duration.toMillis(), eventSpeed, server::stream,
                server::backpressured, new SyntheticFeed.Jumps(jumpEveryBars, jumpBps)).withZipf(zipf);
        if (feed != null) next.continueFrom(feed.lastIds(), feed.eventTimeReached() + 60_000);
        feed = next;
        // Start once a client carries every symbol's stream: trades sent before it subscribed would be neither
        // streamed nor backfilled (the feed's trades are not in historicalTrades).
        List<String> streams = symbols.stream().map(BinancePayloads::tradeStream).toList();
        vertx.setPeriodic(20, t -> {
            if (!server.carries(streams)) return;
            vertx.cancelTimer(t);
            next.start();
        });
        return true;
    }

    public synchronized Map<String, Object> status() {
        return Map.of("symbols", symbols.size(), "running", feed != null && !feed.done().isDone(),
                "sent", feed == null ? 0 : feed.sent());
    }

    /** Lists {@code symbolCount} load symbols, delisting the previous run's if their count differs. */
    private void list(int symbolCount) {
        if (!symbols.isEmpty() && symbols.size() == symbolCount) return;
        server.universe().delistAll(symbols);
        // A tag per symbol set: a new set's ids start again at 1, which the detector would drop as duplicates of an
        // earlier set's symbols of the same name.
        String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase(Locale.ROOT);
        symbols = IntStream.range(0, symbolCount).mapToObj(i -> String.format("LOAD%04d%sUSDT", i, tag)).toList();
        server.universe().listAll(symbols);
    }
}

package dev.riskplatform.ingestor.replay;

import dev.riskplatform.ingestor.binance.IngestSession;
import dev.riskplatform.ingestor.binance.LiveIngestor;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The load harness's source (ops/loadtest.sh): synthetic symbols LOAD00&lt;tag&gt;USDT.. streamed by the replay
 * server and ingested through the very same client path as live trades (WebSocket, parse, sequence,
 * publish). One run at a time; ids and event time continue across runs.
 */
@ApplicationScoped
public class LoadGenerator {

    /**
     * Three full connections of 1,024 streams. The client subscribes with SUBSCRIBE messages (paced under Binance's
     * 5 a second), so the count is bound by connections, not by a URL's length.
     */
    public static final int MAX_SYMBOLS = 3 * 1024;

    private final Vertx vertx;
    private final LiveIngestor ingestor;
    private final ReplayMode replay;
    private List<String> symbols = List.of();
    private IngestSession session;
    private SyntheticFeed feed;

    public LoadGenerator(Vertx vertx, LiveIngestor ingestor, ReplayMode replay) {
        this.vertx = vertx;
        this.ingestor = ingestor;
        this.replay = replay;
    }

    /** Starts a run; false when one is still running. */
    public synchronized boolean start(int symbolCount, long rate, Duration duration, long eventSpeed, int jumpEveryBars, int jumpBps,
                                      double zipf) {
        if (feed != null && !feed.done().isDone()) return false;
        connect(symbolCount);
        ReplayServer server = replay.server();
        SyntheticFeed next = new SyntheticFeed(symbols, rate, duration.toMillis(), eventSpeed, server::stream,
                server::backpressured, new SyntheticFeed.Jumps(jumpEveryBars, jumpBps)).withZipf(zipf);
        if (feed != null) next.continueFrom(feed.lastIds(), feed.eventTimeReached() + 60_000);
        feed = next;
        // Start once the client listens: trades sent before it subscribed would be neither streamed nor backfilled.
        IngestSession listening = session;
        vertx.setPeriodic(20, t -> {
            if (!listening.allSubscribed()) return;
            vertx.cancelTimer(t);
            next.start();
        });
        return true;
    }

    public synchronized Map<String, Object> status() {
        return Map.of("symbols", symbols.size(), "running", feed != null && !feed.done().isDone(),
                "sent", feed == null ? 0 : feed.sent());
    }

    private void connect(int symbolCount) {
        if (session != null && symbols.size() == symbolCount) return;
        if (session != null) ingestor.close(session);
        replay.server().universe().delistAll(symbols);
        // A tag per session: after an ingestor restart the ids start again at 1, which the detector would drop as
        // duplicates of the previous session's symbols.
        String tag = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36).toUpperCase(java.util.Locale.ROOT);
        symbols = IntStream.range(0, symbolCount).mapToObj(i -> String.format("LOAD%04d%sUSDT", i, tag)).toList();
        replay.server().universe().listAll(symbols); // exchangeInfo lists what the load trades
        int port = replay.server().port();
        session = ingestor.open(URI.create("ws://127.0.0.1:" + port), URI.create("http://127.0.0.1:" + port), symbols,
                Duration.ofHours(23), LiveIngestor.Sources.REPLAY);
    }
}

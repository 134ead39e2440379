package dev.riskplatform.simulator;

import dev.riskplatform.core.market.BitstampSample;
import io.vertx.core.Vertx;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One symbol's market on a {@link ReplayServer}: the real 2013 Bitstamp trades as a looping tape (the market goes on
 * after the tape's last trade), listed in exchangeInfo, played once at a speed, with the drills' bursts on top.
 * Plain Vert.x: the simulator's service and other modules' tests run it alike.
 */
public final class SimulatedMarket {

    private static final Logger LOG = Logger.getLogger(SimulatedMarket.class);

    private final Vertx vertx;
    private final ReplayServer server;
    private final String symbol;
    private final AtomicBoolean played = new AtomicBoolean();
    private volatile ReplayPlayer player;

    /** Loads the Bitstamp tape as {@code symbol} on {@code server} and lists it; nothing streams before {@link #play}. */
    public static SimulatedMarket bitstamp(Vertx vertx, ReplayServer server, String symbol) {
        server.loadLooping(symbol, BitstampSample.trades(symbol));
        server.universe().list(symbol);
        return new SimulatedMarket(vertx, server, symbol);
    }

    private SimulatedMarket(Vertx vertx, ReplayServer server, String symbol) {
        this.vertx = vertx;
        this.server = server;
        this.symbol = symbol;
    }

    /**
     * Starts the tape once at {@code speed} × real time from trade time {@code fromTime} (0: the tape's start); false
     * when it was started before. ./platform passes the end of the last bar an earlier run emitted: the detector rightly
     * stays silent on bars it emitted before, so a tape started over would show nothing new until it passed them.
     */
    public boolean play(double speed, long fromTime) {
        if (!(speed > 0)) throw new IllegalArgumentException("replay speed must be > 0, got " + speed);
        if (!played.compareAndSet(false, true)) return false;
        if (fromTime > 0) {
            long skipped = server.resumeAt(symbol, fromTime);
            LOG.infof(skipped > 0 ? "replay of %s resumes at %s (%d trades of the tape count as streamed)"
                    : "replay of %s: no trade of the tape is before %s, it plays from its start (%d skipped)",
                    symbol, Instant.ofEpochMilli(fromTime), skipped);
        }
        // Play only once a client listens: a fresh client has no last id, so trades sent before it subscribed would be
        // skipped, not backfilled. Once playing, the tape goes on whether or not anyone listens, as a market does.
        vertx.setPeriodic(50, timer -> {
            if (server.openClients() == 0) return;
            vertx.cancelTimer(timer);
            player = server.play(symbol, speed);
            LOG.infof("replaying %s at %s× real time on port %d", symbol, speed, server.port());
        });
        return true;
    }

    public boolean playing() {
        return played.get();
    }

    /**
     * Streams the next {@code count} trades of the tape at once, then paces on from there: the drills' own traffic
     * (real tape trades, so REST serves them to a gap fill). Returns how many were sent.
     */
    public int burst(int count) {
        int sent = server.emit(symbol, count);
        ReplayPlayer p = player;
        if (p != null) p.rebase();
        return sent;
    }

    public String symbol() {
        return symbol;
    }

    public ReplayServer server() {
        return server;
    }
}

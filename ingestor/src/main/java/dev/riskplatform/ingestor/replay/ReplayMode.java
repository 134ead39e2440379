package dev.riskplatform.ingestor.replay;

import dev.riskplatform.ingestor.binance.IngestSession;
import dev.riskplatform.ingestor.binance.LiveIngestor;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * {@code ingestor.mode=replay}: the real 2013 Bitstamp trades, as BTCUSDT, through a local
 * Binance-compatible server and the very same client path as live (parse, sequence, publish).
 */
@ApplicationScoped
public class ReplayMode {

    private static final Logger LOG = Logger.getLogger(ReplayMode.class);

    @ConfigProperty(name = "ingestor.mode", defaultValue = "live") String mode;
    @ConfigProperty(name = "ingestor.replay.port", defaultValue = "0") int port;
    @ConfigProperty(name = "ingestor.replay.speed", defaultValue = "60") double speed;
    @ConfigProperty(name = "ingestor.replay.symbol", defaultValue = "BTCUSDT") String symbol;
    @ConfigProperty(name = "ingestor.replay.ping-interval", defaultValue = "20s") Duration pingInterval;
    /** false: wait for {@link #play(double)} (./platform loads history and trains a model first). */
    @ConfigProperty(name = "ingestor.replay.autostart", defaultValue = "true") boolean autostart;

    private final Vertx vertx;
    private final LiveIngestor ingestor;
    private ReplayServer server;
    private IngestSession session;
    private volatile ReplayPlayer player;
    private final java.util.concurrent.atomic.AtomicBoolean played = new java.util.concurrent.atomic.AtomicBoolean();

    public ReplayMode(Vertx vertx, LiveIngestor ingestor) {
        this.vertx = vertx;
        this.ingestor = ingestor;
    }

    void start(@Observes StartupEvent e) {
        if (!"replay".equals(mode)) return;
        server = new ReplayServer(vertx);
        int bound = server.start(port);
        // Looping: the demo market goes on after the tape's last trade (about 34 min at the default speed).
        server.loadLooping(symbol, ReplaySource.bitstamp(symbol));
        server.universe().list(symbol);
        server.startPinging(pingInterval);
        URI base = URI.create("http://127.0.0.1:" + bound);
        session = ingestor.open(URI.create("ws://127.0.0.1:" + bound), base, List.of(symbol), Duration.ofHours(23),
                LiveIngestor.Sources.REPLAY);
        if (autostart) play(speed);
        else LOG.infof("replay of %s loaded, waiting for POST /replay/start", symbol);
    }

    /** Starts the tape once at atSpeed (≤ 0: the configured speed); false when not in replay mode or already started. */
    public boolean play(double requested) {
        return play(requested, 0);
    }

    /**
     * As {@link #play(double)}, from trade time {@code fromTime} (0: the tape's start). ./platform passes the end of
     * the last bar an earlier run emitted: the detector rightly stays silent on bars it emitted before, so a tape
     * started over would show nothing new until it passed them.
     */
    public boolean play(double requested, long fromTime) {
        double atSpeed = requested > 0 ? requested : speed;
        if (server == null || !played.compareAndSet(false, true)) return false;
        if (fromTime > 0) {
            long skipped = server.resumeAt(symbol, fromTime);
            LOG.infof(skipped > 0 ? "replay of %s resumes at %s (%d trades of the tape count as streamed)"
                    : "replay of %s: no trade of the tape is before %s, it plays from its start (%d skipped)",
                    symbol, java.time.Instant.ofEpochMilli(fromTime), skipped);
        }
        // Play only once the client listens: a fresh client has no last id, so trades sent before
        // it connected would be skipped, not backfilled.
        vertx.setPeriodic(50, timer -> {
            if (server.openClients() == 0) return;
            vertx.cancelTimer(timer);
            player = server.play(symbol, atSpeed);
            LOG.infof("replaying %s at %s× real time through ws://127.0.0.1:%d", symbol, atSpeed, server.port());
        });
        return true;
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

    /** The local Binance-compatible server (null unless replaying): the drill endpoints act on it. */
    public ReplayServer server() {
        return server;
    }

    public String symbol() {
        return symbol;
    }

    public boolean replaying() {
        return server != null;
    }

    void stop(@Observes ShutdownEvent e) {
        if (session != null) ingestor.close(session);
        if (server != null) server.close();
    }
}

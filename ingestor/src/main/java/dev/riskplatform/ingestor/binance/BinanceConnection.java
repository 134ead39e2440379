package dev.riskplatform.ingestor.binance;

import dev.riskplatform.ingestor.publish.PublishGate;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One supervised WebSocket to Binance, on Vert.x's own client: unlike websockets-next, its socket can
 * pause, so when Kafka falls behind ({@link PublishGate}) the reads stop and TCP pushes back to the
 * exchange instead of the heap filling, for at most {@link #MAX_PAUSE_MS} (then reads go on, so pings are answered,
 * and trades are deferred for the REST gap fill). Reconnects: on close or error (backoff with jitter), on
 * {@code serverShutdown} and before the 24 h limit (at once). Connection attempts pass the shared
 * 300 / 5 min limiter. Pings are answered by Vert.x itself with a pong echoing the payload (checked
 * by a test against the replay server). Frames it cannot hand on as text (binary, too big) are handed on as
 * refusals with their reason, never dropped, and never cost the connection below {@link #MAX_FRAME_BYTES}.
 */
public final class BinanceConnection {

    private static final Logger LOG = Logger.getLogger(BinanceConnection.class);
    /**
     * The largest frame, and message, the client reads. Vert.x's defaults (64 KiB a frame) made one bigger frame close the
     * connection (1009) with nothing counted; Binance's messages are well under 1 KiB. Netty holds a frame whole, so the
     * bound stays: 1 MiB a connection is cheap, and what is beyond it is refused by the parser's own, lower, bound.
     */
    public static final int MAX_FRAME_BYTES = 1024 * 1024;
    /**
     * The longest the reads stop for Kafka ({@link PublishGate}). Pings are answered only while frames are read, and
     * Binance drops a client that has not answered one within a minute (it pings every 20 s). Past this the reads go
     * on and the sequencers defer trades until Kafka takes records again (backfilled from REST, nothing lost).
     */
    static final long MAX_PAUSE_MS = 5_000;
    /** Binary bytes kept in a dead letter: their base64 stays within the dead letter's raw bound. */
    static final int MAX_BINARY_KEPT = 48 * 1024;

    /** Where a connection's traffic goes: every text message, and every frame that is none, with its reason. */
    public interface Inbound {
        void text(String message);

        /** A frame that is no text message; {@code kind} is the dead-letter tag, {@code raw} what could be kept of it. */
        void refused(String kind, String reason, String raw);

        /** A new socket is open (the first, or one after a reconnect): it carries no subscription yet. */
        default void opened() {
        }
    }

    private final Vertx vertx;
    private final URI uri;
    private final ConnectionPolicy policy;
    private final Inbound inbound;
    private final Consumer<String> onReconnect;
    private final Backoff backoff;
    private final WebSocketClient client;
    private volatile WebSocket current;
    private volatile boolean stopped;
    private volatile boolean healthy;
    private long ageTimer = -1;
    /** Event loop only: the pending MAX_PAUSE timer, and whether reads went on past a pause (Kafka still full). */
    private long pauseTimer = -1;
    private boolean readingOnWhileFull;

    /**
     * How a connection behaves; one instance is shared by all connections of an ingestor. {@code gate} says when
     * to stop reading, {@code onPause} counts it.
     */
    public record ConnectionPolicy(Duration maxAge, Duration backoffInitial, Duration backoffMax, SlidingWindowLimiter connects,
                                   PublishGate gate, Runnable onPause) {}

    public BinanceConnection(Vertx vertx, URI uri, ConnectionPolicy policy, Inbound inbound, Consumer<String> onReconnect) {
        this.vertx = vertx;
        this.uri = uri;
        this.policy = policy;
        this.inbound = inbound;
        this.onReconnect = onReconnect;
        this.backoff = new Backoff(policy.backoffInitial(), policy.backoffMax());
        this.client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(MAX_FRAME_BYTES).setMaxMessageSize(MAX_FRAME_BYTES));
    }

    public void start() {
        connect();
    }

    public boolean isOpen() {
        WebSocket c = current;
        return c != null && !c.isClosed();
    }

    /** serverShutdown or the 24 h limit: drop this connection and open a new one now; {@code cause} is a metric tag. */
    public void reconnectNow(String cause, String detail) {
        LOG.infof("reconnecting %s now: %s", uri, detail);
        onReconnect.accept(cause);
        WebSocket old = current;
        current = null;
        if (old != null) old.close();
        connect();
    }

    /** Sends {@code text} on the open socket; false (nothing sent) when none is open. */
    public boolean send(String text) {
        WebSocket c = current;
        if (c == null || c.isClosed()) return false;
        c.writeTextMessage(text);
        return true;
    }

    public void stop() {
        stopped = true;
        if (ageTimer >= 0) vertx.cancelTimer(ageTimer);
        WebSocket c = current;
        current = null;
        try {
            if (c != null) c.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.debugf("closing %s: %s", uri, e.toString());
        }
        client.close();
    }

    private void connect() {
        if (stopped) return;
        Duration wait = policy.connects().tryAcquire(System.nanoTime());
        if (!wait.isZero()) {
            LOG.warnf("connection attempts at the 300 / 5 min limit: next attempt in %s", wait);
            vertx.setTimer(Math.max(1, wait.toMillis()), t -> connect());
            return;
        }
        client.connect(connectOptions(uri)).onSuccess(this::opened).onFailure(this::failed);
    }

    /** ws:// or wss:// (TLS, the JVM's trusted CAs, host name verified), path and query as given. */
    static WebSocketConnectOptions connectOptions(URI uri) {
        boolean tls = "wss".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return new WebSocketConnectOptions().setHost(uri.getHost()).setPort(port).setSsl(tls).setURI(path);
    }

    private void opened(WebSocket ws) {
        if (stopped) {
            ws.close();
            return;
        }
        LOG.infof("connected to %s", uri);
        current = ws;
        healthy = false;
        ws.textMessageHandler(m -> {
            inbound.text(m);
            received(ws);
        });
        ws.binaryMessageHandler(b -> {
            binary(b);
            received(ws);
        });
        ws.closeHandler(v -> closed(ws));
        ws.exceptionHandler(this::failedOn);
        inbound.opened();
        if (ageTimer >= 0) vertx.cancelTimer(ageTimer);
        // Binance closes a connection after 24 h: leave earlier, on our own terms.
        ageTimer = vertx.setTimer(policy.maxAge().toMillis(), t -> {
            if (current == ws) reconnectNow("max-age", "max connection age " + policy.maxAge() + " reached");
        });
    }

    /** After each message: a connection that delivers data is healthy, and the publish gate may pause its reads. */
    private void received(WebSocket ws) {
        if (!healthy) {
            healthy = true;
            backoff.reset(); // start backoff from scratch
        }
        if (readingOnWhileFull) return; // the gate's resume callback is already registered
        Context context = vertx.getOrCreateContext(); // the socket's own, as this runs in its handler
        if (!policy.gate().admits(() -> context.runOnContext(v -> resumed(ws)))) {
            ws.pause();
            policy.onPause().run();
            pauseTimer = vertx.setTimer(MAX_PAUSE_MS, t -> readOnWhileFull(ws));
        }
    }

    /** Kafka took the backlog down to the gate's low mark: normal reading, pausing again when full. */
    private void resumed(WebSocket ws) {
        if (pauseTimer >= 0) vertx.cancelTimer(pauseTimer);
        pauseTimer = -1;
        readingOnWhileFull = false;
        ws.resume();
    }

    private void readOnWhileFull(WebSocket ws) {
        pauseTimer = -1;
        readingOnWhileFull = true;
        LOG.warnf("%s: Kafka has not taken the backlog in %d ms; reading on (pings answered), trades deferred for REST backfill",
                uri, MAX_PAUSE_MS);
        ws.resume();
    }

    /** Binance sends text frames only; a binary one is kept as base64 (cut to its first bytes) for the dead letter. */
    private void binary(Buffer b) {
        byte[] bytes = b.getBytes(0, Math.min(b.length(), MAX_BINARY_KEPT));
        String kept = bytes.length < b.length() ? "; raw is the base64 of its first " + bytes.length + " bytes" : "; raw is its base64";
        inbound.refused("binary", "binary frame of " + b.length() + " bytes: Binance sends text frames only" + kept,
                Base64.getEncoder().encodeToString(bytes));
    }

    /**
     * Frames the client refuses on its own come here. A message over {@link #MAX_FRAME_BYTES} made of smaller frames
     * ("Cannot process text frame…") is dropped and the connection kept. A frame Netty refuses (one frame over the bound,
     * a text frame that is not UTF-8) closes the connection, and the reconnect's gap fill recovers the trades. Either is
     * a refusal, counted like any other, as nothing of the frame is left to keep.
     */
    private void failedOn(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (e instanceof IllegalStateException && message.startsWith("Cannot process")) {
            inbound.refused("oversized", "message over " + MAX_FRAME_BYTES + " bytes, dropped by the WebSocket client: " + message,
                    "<not kept: over " + MAX_FRAME_BYTES + " bytes>");
        } else if (e instanceof CorruptedWebSocketFrameException) {
            inbound.refused(message.startsWith("Max frame length") ? "oversized" : "malformed",
                    "WebSocket frame refused (" + message + "): the connection closes and reconnects, the gap is backfilled", "<not kept>");
        } else {
            LOG.warnf("WebSocket error on %s: %s", uri, e.toString());
        }
    }

    private void closed(WebSocket ws) {
        if (current != ws || stopped) return; // a connection we replaced on purpose
        current = null;
        retry("closed by server: " + ws.closeStatusCode() + " " + ws.closeReason());
    }

    private void failed(Throwable e) {
        retry("connect failed: " + e);
    }

    private void retry(String cause) {
        if (stopped) return;
        Duration wait = backoff.next();
        LOG.warnf("%s (%s); reconnecting in %d ms", uri, cause, wait.toMillis());
        onReconnect.accept(cause.startsWith("connect failed") ? "connect-failed" : "closed");
        vertx.setTimer(Math.max(1, wait.toMillis()), t -> connect());
    }
}

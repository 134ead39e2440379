package dev.riskplatform.ingestor.binance;

import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * One supervised WebSocket to Binance. websockets-next has no reconnect, and a connector is
 * single-use, so every (re)connect builds a fresh {@link BasicWebSocketConnector}. Reconnects:
 * on close or error (backoff with jitter), on {@code serverShutdown} and before the 24 h limit
 * (at once). Connection attempts pass the shared 300 / 5 min limiter. Pings are answered by
 * Vert.x itself with a pong echoing the payload (checked by a test against the replay server).
 */
public final class BinanceConnection {

    private static final Logger LOG = Logger.getLogger(BinanceConnection.class);

    private final Vertx vertx;
    private final URI uri;
    private final ConnectionPolicy policy;
    private final Consumer<String> onMessage;
    private final Consumer<String> onReconnect;
    private final Backoff backoff;
    private volatile WebSocketClientConnection current;
    private volatile boolean stopped;
    private volatile boolean healthy;
    private long ageTimer = -1;

    /** How a connection behaves; one instance is shared by all connections of an ingestor. */
    public record ConnectionPolicy(Duration maxAge, Duration backoffInitial, Duration backoffMax, SlidingWindowLimiter connects) {}

    public BinanceConnection(Vertx vertx, URI uri, ConnectionPolicy policy, Consumer<String> onMessage, Consumer<String> onReconnect) {
        this.vertx = vertx;
        this.uri = uri;
        this.policy = policy;
        this.onMessage = onMessage;
        this.onReconnect = onReconnect;
        this.backoff = new Backoff(policy.backoffInitial(), policy.backoffMax());
    }

    public void start() {
        connect();
    }

    public boolean isOpen() {
        WebSocketClientConnection c = current;
        return c != null && c.isOpen();
    }

    /** serverShutdown or the 24 h limit: drop this connection and open a new one now; {@code cause} is a metric tag. */
    public void reconnectNow(String cause, String detail) {
        LOG.infof("reconnecting %s now: %s", uri, detail);
        onReconnect.accept(cause);
        WebSocketClientConnection old = current;
        current = null;
        if (old != null) old.close().subscribe().with(v -> { }, e -> { });
        connect();
    }

    public void stop() {
        stopped = true;
        if (ageTimer >= 0) vertx.cancelTimer(ageTimer);
        WebSocketClientConnection c = current;
        current = null;
        if (c != null) c.close().await().atMost(Duration.ofSeconds(5));
    }

    private void connect() {
        if (stopped) return;
        Duration wait = policy.connects().tryAcquire(System.nanoTime());
        if (!wait.isZero()) {
            LOG.warnf("connection attempts at the 300 / 5 min limit: next attempt in %s", wait);
            vertx.setTimer(Math.max(1, wait.toMillis()), t -> connect());
            return;
        }
        connector().connect().subscribe().with(this::opened, this::failed);
    }

    private BasicWebSocketConnector connector() {
        BiConsumer<WebSocketClientConnection, CloseReason> closed = this::closed;
        return BasicWebSocketConnector.create()
                .baseUri(uri)
                .executionModel(BasicWebSocketConnector.ExecutionModel.NON_BLOCKING)
                .onTextMessage((c, m) -> {
                    if (!healthy) {
                        healthy = true;
                        backoff.reset(); // a connection that delivers data is healthy: start backoff from scratch
                    }
                    onMessage.accept(m);
                })
                .onClose(closed)
                .onError((c, e) -> LOG.warnf("WebSocket error on %s: %s", uri, e.toString()));
    }

    private void opened(WebSocketClientConnection c) {
        if (stopped) {
            c.close().subscribe().with(v -> { }, e -> { });
            return;
        }
        LOG.infof("connected to %s", uri);
        current = c;
        healthy = false;
        if (ageTimer >= 0) vertx.cancelTimer(ageTimer);
        // Binance closes a connection after 24 h: leave earlier, on our own terms.
        ageTimer = vertx.setTimer(policy.maxAge().toMillis(), t -> {
            if (current == c) reconnectNow("max-age", "max connection age " + policy.maxAge() + " reached");
        });
    }

    private void closed(WebSocketClientConnection c, CloseReason reason) {
        if (current != c || stopped) return; // a connection we replaced on purpose
        current = null;
        retry("closed by server: " + reason.getCode() + " " + reason.getMessage());
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

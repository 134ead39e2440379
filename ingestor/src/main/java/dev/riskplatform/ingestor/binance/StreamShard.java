package dev.riskplatform.ingestor.binance;

import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Set;
import java.util.function.Consumer;

/** One connection of a session: its socket, the streams it carries ({@link StreamSubscriptions}), its parser. */
final class StreamShard implements BinanceConnection.Inbound {

    /** How streams are subscribed: at most {@code streamsPerMessage} a message, {@code messages} per {@code window}. */
    record Pacing(int streamsPerMessage, int messages, Duration window) {}

    /** Where a shard's traffic goes: every text message, and every frame that is none. */
    interface Messages {
        void text(StreamShard shard, String raw);

        void refused(String kind, String reason, String raw);
    }

    private final int index;
    private final BinanceConnection connection;
    private final StreamSubscriptions subscriptions;
    private final BinanceMessageParser parser;
    private final Messages messages;

    StreamShard(int index, Vertx vertx, URI url, BinanceConnection.ConnectionPolicy policy, Pacing pacing, Set<String> symbols,
                Messages messages, Consumer<String> onReconnect, Consumer<Collection<String>> released) {
        this.index = index;
        this.messages = messages;
        this.parser = new BinanceMessageParser(symbols);
        this.connection = new BinanceConnection(vertx, url, policy, this, onReconnect);
        this.subscriptions = new StreamSubscriptions("connection " + index + " (" + url + ")", new StreamSubscriptions.Socket() {
            @Override
            public boolean isOpen() {
                return connection.isOpen();
            }

            @Override
            public void send(String text) {
                connection.send(text);
            }

            @Override
            public void later(Duration wait, Runnable action) {
                vertx.setTimer(Math.max(1, wait.toMillis()), t -> action.run());
            }
        }, pacing.streamsPerMessage(), new SlidingWindowLimiter(pacing.messages(), pacing.window()), released);
    }

    @Override
    public void text(String raw) {
        messages.text(this, raw);
    }

    @Override
    public void refused(String kind, String reason, String raw) {
        messages.refused(kind, reason, raw);
    }

    @Override
    public void opened() {
        subscriptions.opened();
    }

    BinanceMessageParser parser() {
        return parser;
    }

    void start() {
        connection.start();
    }

    void want(Collection<String> add, Collection<String> remove) {
        subscriptions.want(add, remove);
    }

    void answered(long id, String error) {
        subscriptions.answered(id, error);
    }

    void reconnectNow(String cause, String detail) {
        connection.reconnectNow(cause, detail);
    }

    boolean isOpen() {
        return connection.isOpen();
    }

    /** Open, and carrying every stream it should. */
    boolean settled() {
        return connection.isOpen() && subscriptions.settled();
    }

    /** For readiness: {@code up, 1024 of 1024 streams subscribed}. */
    String state() {
        return (connection.isOpen() ? "up" : "down") + ", " + subscriptions.carriedCount() + " of " + subscriptions.wantedCount()
                + " streams subscribed";
    }

    int index() {
        return index;
    }

    void stop() {
        connection.stop();
    }
}

package dev.riskplatform.ingestor.binance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The trade streams one connection carries, brought in line with the streams it should carry by SUBSCRIBE and
 * UNSUBSCRIBE messages ({@code {"method":"SUBSCRIBE","params":["btcusdt@trade",..],"id":7}}, answered
 * {@code {"result":null,"id":7}}): at most {@code perMessage} streams a message, and messages paced by {@code pace}
 * (Binance drops a connection that sends more than 5 messages a second, pongs included). Unsubscriptions go out
 * first, so a connection never holds more streams than its shard. A stream counts as carried once its request is
 * answered; a new socket carries nothing, so everything is subscribed again. {@code released} hears of symbols this
 * connection no longer carries and no longer wants (their trades have stopped), outside this object's lock.
 */
final class StreamSubscriptions {

    private static final Logger LOG = Logger.getLogger(StreamSubscriptions.class);

    /** The connection's socket as this needs it. */
    interface Socket {
        boolean isOpen();

        void send(String text);

        void later(Duration wait, Runnable action);
    }

    private record Request(String method, List<String> symbols) {}

    private final String name;
    private final Socket socket;
    private final int perMessage;
    private final SlidingWindowLimiter pace;
    private final Consumer<Collection<String>> released;
    private final Set<String> wanted = new LinkedHashSet<>(), carried = new HashSet<>(), refused = new HashSet<>();
    private final Map<Long, Request> inFlight = new HashMap<>();
    private long nextId = 1;
    private boolean paceTimer;

    StreamSubscriptions(String name, Socket socket, int perMessage, SlidingWindowLimiter pace, Consumer<Collection<String>> released) {
        this.name = name;
        this.socket = socket;
        this.perMessage = perMessage;
        this.pace = pace;
        this.released = released;
    }

    void want(Collection<String> add, Collection<String> remove) {
        synchronized (this) {
            wanted.removeAll(remove);
            wanted.addAll(add);
            refused.removeAll(add);
        }
        pump();
    }

    /** A new socket: it carries nothing yet, and what was on its way out is gone with the old one. */
    void opened() {
        List<String> gone;
        synchronized (this) {
            Set<String> had = new HashSet<>(carried);
            inFlight.values().forEach(r -> had.addAll(r.symbols()));
            gone = had.stream().filter(s -> !wanted.contains(s)).toList();
            carried.clear();
            inFlight.clear();
            refused.clear();
        }
        if (!gone.isEmpty()) released.accept(gone);
        pump();
    }

    /** The answer to request {@code id}; {@code error} null when it succeeded. */
    void answered(long id, String error) {
        List<String> gone = List.of();
        synchronized (this) {
            Request r = inFlight.remove(id);
            if (r == null) return;
            if (error != null) {
                LOG.warnf("%s: %s of %d streams refused: %s", name, r.method(), r.symbols().size(), error);
                if (r.method().equals("SUBSCRIBE")) refused.addAll(r.symbols());
            } else if (r.method().equals("SUBSCRIBE")) {
                carried.addAll(r.symbols());
            } else {
                r.symbols().forEach(carried::remove);
                gone = r.symbols().stream().filter(s -> !wanted.contains(s)).toList();
            }
        }
        if (!gone.isEmpty()) released.accept(gone);
        pump();
    }

    /** Every wanted stream carried and nothing else (refused streams count as done until the next socket). */
    synchronized boolean settled() {
        return inFlight.isEmpty() && carried.size() + refused.size() == wanted.size() && wanted.containsAll(carried);
    }

    synchronized int carriedCount() {
        return carried.size();
    }

    synchronized int wantedCount() {
        return wanted.size();
    }

    /** Sends what is due while the pace allows; when it does not, looks again once it will. */
    private synchronized void pump() {
        while (socket.isOpen()) {
            Request next = next();
            if (next == null) return;
            Duration wait = pace.tryAcquire(System.nanoTime());
            if (!wait.isZero()) {
                if (!paceTimer) {
                    paceTimer = true;
                    socket.later(wait, this::paced);
                }
                return;
            }
            long id = nextId++;
            inFlight.put(id, next);
            socket.send(message(next, id));
        }
    }

    private void paced() {
        synchronized (this) {
            paceTimer = false;
        }
        pump();
    }

    /** The next request: streams to drop first, then streams to add; none while nothing is due. */
    private Request next() {
        Set<String> pending = new HashSet<>();
        inFlight.values().forEach(r -> pending.addAll(r.symbols()));
        List<String> drop = carried.stream().filter(s -> !wanted.contains(s) && !pending.contains(s)).limit(perMessage).toList();
        if (!drop.isEmpty()) return new Request("UNSUBSCRIBE", drop);
        List<String> add = wanted.stream().filter(s -> !carried.contains(s) && !pending.contains(s) && !refused.contains(s))
                .limit(perMessage).toList();
        return add.isEmpty() ? null : new Request("SUBSCRIBE", add);
    }

    /** {@code {"method":"SUBSCRIBE","params":["btcusdt@trade",...],"id":7}}. */
    private static String message(Request r, long id) {
        StringBuilder sb = new StringBuilder(32 + r.symbols().size() * 20).append("{\"method\":\"").append(r.method()).append("\",\"params\":[");
        for (int i = 0; i < r.symbols().size(); i++) {
            if (i > 0) sb.append(',');
            sb.append('"').append(StreamNames.tradeStream(r.symbols().get(i)).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return sb.append("],\"id\":").append(id).append('}').toString();
    }
}

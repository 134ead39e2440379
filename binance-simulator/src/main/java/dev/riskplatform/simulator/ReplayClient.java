package dev.riskplatform.simulator;

import io.vertx.core.Future;
import io.vertx.core.http.ServerWebSocket;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection to the replay server: the streams it carries (named in its URL or subscribed since) and Binance's
 * limits on it: at most {@link #MAX_STREAMS} streams, at most {@link #MAX_INCOMING} incoming messages (text, pong) in
 * any second. {@code lastWrite} is its last load-feed frame, still queued until it completes.
 */
final class ReplayClient {

    static final int MAX_STREAMS = 1024;
    static final int MAX_INCOMING = 5;
    private static final long SECOND_NANOS = 1_000_000_000L;

    final ServerWebSocket ws;
    final Set<String> streams = ConcurrentHashMap.newKeySet();
    volatile boolean combined;
    volatile Future<Void> lastWrite = Future.succeededFuture();
    private final ArrayDeque<Long> incoming = new ArrayDeque<>();
    private int peakPerSecond;

    ReplayClient(ServerWebSocket ws, Collection<String> streams, boolean combined) {
        this.ws = ws;
        this.streams.addAll(streams);
        this.combined = combined;
    }

    /** Counts one incoming message at {@code nowNanos}; false when it makes more than 5 within one second. */
    synchronized boolean admit(long nowNanos) {
        while (!incoming.isEmpty() && nowNanos - incoming.peekFirst() >= SECOND_NANOS) incoming.pollFirst();
        incoming.addLast(nowNanos);
        peakPerSecond = Math.max(peakPerSecond, incoming.size());
        return incoming.size() <= MAX_INCOMING;
    }

    /** The most incoming messages seen within one second on this connection. */
    synchronized int peakPerSecond() {
        return peakPerSecond;
    }

    /** A paced source must wait: the socket is full, or the previous tick's frames are not all written yet. */
    boolean full() {
        return ws.writeQueueFull() || !lastWrite.isComplete();
    }
}

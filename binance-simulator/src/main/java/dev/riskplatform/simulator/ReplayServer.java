package dev.riskplatform.simulator;

import dev.riskplatform.core.market.Trade;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.http.WebSocketFrame;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * A local server speaking Binance's market-data protocol: {@code /ws/<stream>} (raw events) and
 * {@code /stream?streams=a/b} (combined wrapper), or {@code /ws} and {@code /stream} with streams subscribed live
 * ({@link SubscriptionRequests}); Binance's limits per connection (1,024 streams, 5 incoming messages a second: over
 * that the connection is dropped), pings with a payload, {@code serverShutdown}, forced disconnects,
 * {@code GET /api/v3/historicalTrades} over the trades replayed so far and {@code GET /api/v3/exchangeInfo} of its
 * {@link SymbolUniverse}. Run by the simulator's service and by other modules' tests (port 0 = a free port).
 */
public final class ReplayServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ReplayServer.class);

    private final Vertx vertx;
    private final Map<String, Tape> tapes = new ConcurrentHashMap<>();
    private final Set<ReplayClient> clients = ConcurrentHashMap.newKeySet();
    private final SymbolUniverse universe = new SymbolUniverse();
    private final Set<String> pingPayloads = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<Long, UnaryOperator<String>>> historyEdits = new ConcurrentHashMap<>();
    private final SyntheticFrames frames = new SyntheticFrames(); // used by the one load feed thread only
    private final AtomicLong connections = new AtomicLong(), pings = new AtomicLong(), echoedPongs = new AtomicLong(),
            otherPongs = new AtomicLong(), restCalls = new AtomicLong(),
            rateLimitDrops = new AtomicLong(), requests = new AtomicLong();
    private volatile int peakIncomingPerSecond;
    private HttpServer server;
    private long pingTimer = -1;

    public ReplayServer(Vertx vertx) {
        this.vertx = vertx;
    }

    /** Starts listening on 127.0.0.1; returns the bound port. */
    public int start(int port) {
        return start("127.0.0.1", port);
    }

    /** Starts listening on {@code host}; returns the bound port. */
    public int start(String host, int port) {
        server = vertx.createHttpServer()
                .webSocketHandler(this::onWebSocket)
                .requestHandler(this::onRequest)
                .listen(port, host).toCompletionStage().toCompletableFuture()
                .orTimeout(10, TimeUnit.SECONDS).join();
        return server.actualPort();
    }

    public int port() {
        return server.actualPort();
    }

    public void load(String symbol, List<Trade> trades) {
        tapes.put(symbol, new Tape(trades));
    }

    /** As {@link #load}, but the tape never ends: it plays again with ids and times moved on (see {@link Tape}). */
    public void loadLooping(String symbol, List<Trade> trades) {
        tapes.put(symbol, new Tape(trades, true));
    }

    /** Streams the next {@code n} trades of {@code symbol} now; returns how many there were. */
    public int emit(String symbol, int n) {
        List<Trade> batch = tapes.get(symbol).advance(n);
        send(symbol, batch);
        return batch.size();
    }

    /** Moves {@code symbol}'s tape to trade time {@code fromTime} before it plays; see {@link Tape#resumeAt}. */
    public long resumeAt(String symbol, long fromTime) {
        return tapes.get(symbol).resumeAt(fromTime);
    }

    /** Replays {@code symbol} at {@code speed} × real time (infinite = as fast as possible); see {@link ReplayPlayer}. */
    public ReplayPlayer play(String symbol, double speed) {
        return new ReplayPlayer(vertx, tapes.get(symbol), speed, batch -> send(symbol, batch)).start();
    }

    /**
     * Streams the load feed's ticks to their subscribers now, from the feed's own thread: Vert.x queues these
     * writes for the socket's event loop and flushes them together (see SyntheticFeed).
     */
    void stream(List<SyntheticFeed.Tick> ticks) {
        long now = System.currentTimeMillis();
        for (ReplayClient c : clients) {
            Future<Void> last = null;
            for (SyntheticFeed.Tick t : ticks) {
                if (c.streams.contains(frames.stream(t.symbol()))) last = c.ws.writeTextMessage(frames.frame(t, c.combined, now));
            }
            if (last != null) c.lastWrite = last;
        }
    }

    /**
     * True while some client cannot take more: a paced source waits instead of queueing without bound. Frames
     * written from another thread wait in the event loop's task queue, which the socket's own write queue does
     * not count, hence the last write's completion too.
     */
    boolean backpressured() {
        return clients.stream().anyMatch(ReplayClient::full);
    }

    /** Any text, to every client: the bad-input tests send what Binance never should. */
    public void broadcastRaw(String text) {
        clients.forEach(c -> c.ws.writeTextMessage(text));
    }

    /**
     * {@code text} as ONE text frame, whatever its size: {@link #broadcastRaw} lets Vert.x split a long message into
     * frames of 64 KiB, and a hostile server need not.
     */
    public void broadcastFrame(String text) {
        clients.forEach(c -> c.ws.writeFrame(WebSocketFrame.textFrame(text, true)));
    }

    /** {@code bytes} as one binary frame: Binance sends text frames only. */
    public void broadcastBinary(byte[] bytes) {
        clients.forEach(c -> c.ws.writeFrame(WebSocketFrame.binaryFrame(Buffer.buffer(bytes), true)));
    }

    /**
     * From now on, {@code GET /api/v3/historicalTrades} serves trade {@code tradeId} of {@code symbol} as {@code edit}
     * makes its JSON element: the tests' way to put one bad trade in a page.
     */
    public void editHistory(String symbol, long tradeId, UnaryOperator<String> edit) {
        historyEdits.computeIfAbsent(symbol, s -> new ConcurrentHashMap<>()).put(tradeId, edit);
    }

    public void sendServerShutdown() {
        long now = System.currentTimeMillis();
        clients.forEach(c -> c.ws.writeTextMessage(c.combined
                ? BinancePayloads.combined("!serverShutdown", BinancePayloads.serverShutdown(now))
                : BinancePayloads.serverShutdown(now)));
    }

    /** Closes every connection now (close frame 1001 "going away"), as Binance does on maintenance. */
    public void disconnectAll() {
        clients.forEach(c -> c.ws.close((short) 1001, "forced disconnect"));
        clients.clear();
    }

    /** {@code times} rounds of {@link #disconnectAll()}, {@code everyMs} apart, the first now. */
    public void disconnectStorm(int times, long everyMs) {
        disconnectAll();
        for (int i = 1; i < times; i++) vertx.setTimer(i * everyMs, t -> disconnectAll());
    }

    /** Pings every client every {@code interval} with a unique payload, as Binance does every 20 s. */
    public void startPinging(Duration interval) {
        pingTimer = vertx.setPeriodic(interval.toMillis(), t -> clients.forEach(c -> {
            String payload = "ping-" + pings.incrementAndGet();
            pingPayloads.add(payload);
            c.ws.writePing(Buffer.buffer(payload));
        }));
    }

    /** How far the tape of {@code symbol} got: the drills compare it with what reached market_prices. */
    public Map<String, Object> progress(String symbol) {
        Tape.Progress p = tapes.get(symbol).progress();
        return Map.of("symbol", symbol, "sent", p.sent(), "total", p.total(), "lastSentTradeId", p.lastSentTradeId(),
                "lastSentTradeTime", p.lastSentTradeTime(), "connections", connections.get(), "openClients", clients.size(),
                "pings", pings.get(), "echoedPongs", echoedPongs.get());
    }

    /** The symbols {@code GET /api/v3/exchangeInfo} lists: tests and drills list and delist them. */
    public SymbolUniverse universe() {
        return universe;
    }

    public long connectionCount() { return connections.get(); }
    /**
     * Connections that listen: open and carrying at least one stream. A connection that has not subscribed yet would
     * miss what is sent now, so this, not the open sockets, is what a source waits for.
     */
    public int openClients() { return (int) clients.stream().filter(c -> !c.streams.isEmpty()).count(); }
    /** Open connections, listening or not. */
    public int connectedClients() { return clients.size(); }
    /** The streams each open connection carries, in no particular order of connections. */
    public List<Set<String>> subscriptions() { return clients.stream().map(c -> Set.copyOf(c.streams)).toList(); }
    /** True when every one of {@code streams} is carried by some open connection: a source may start streaming them. */
    public boolean carries(Collection<String> streams) {
        Set<String> carried = new HashSet<>();
        clients.forEach(c -> carried.addAll(c.streams));
        return carried.containsAll(streams);
    }
    /** Connections dropped for sending more than 5 messages within a second. */
    public long rateLimitDrops() { return rateLimitDrops.get(); }
    /** The most messages any connection sent within one second. */
    public int peakIncomingPerSecond() { return peakIncomingPerSecond; }
    /** SUBSCRIBE, UNSUBSCRIBE and other requests received. */
    public long requests() { return requests.get(); }
    public long pingsSent() { return pings.get(); }
    /** Pongs that echoed a ping's payload exactly. */
    public long echoedPongs() { return echoedPongs.get(); }
    /** Pongs with any other payload (unsolicited or wrong echo). */
    public long otherPongs() { return otherPongs.get(); }
    public long restCalls() { return restCalls.get(); }

    @Override
    public void close() {
        if (pingTimer >= 0) vertx.cancelTimer(pingTimer);
        if (server != null) server.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    private void send(String symbol, List<Trade> batch) {
        String stream = BinancePayloads.tradeStream(symbol);
        long now = System.currentTimeMillis();
        for (ReplayClient c : clients) {
            if (!c.streams.contains(stream)) continue;
            for (Trade t : batch) {
                String event = BinancePayloads.tradeEvent(t, now);
                c.ws.writeTextMessage(c.combined ? BinancePayloads.combined(stream, event) : event);
            }
        }
    }

    private void onWebSocket(ServerWebSocket ws) {
        // Clients may percent-encode '@' and add a trailing slash; Binance accepts both.
        String path = URLDecoder.decode(ws.path(), StandardCharsets.UTF_8).replaceAll("/+$", "");
        String query = ws.query() == null ? "" : URLDecoder.decode(ws.query(), StandardCharsets.UTF_8);
        List<String> streams;
        boolean combined;
        if (path.equals("/ws") || path.startsWith("/ws/")) {
            streams = path.length() > 4 ? List.of(path.substring(4).split("/")) : List.of();
            combined = false;
        } else if (path.equals("/stream") && (query.isEmpty() || query.startsWith("streams="))) {
            streams = query.isEmpty() ? List.of() : Arrays.asList(query.substring(8).split("/"));
            combined = true;
        } else {
            LOG.warnf("replay server: no stream at %s?%s", ws.path(), ws.query());
            ws.reject(404);
            return;
        }
        if (streams.size() > ReplayClient.MAX_STREAMS) {
            ws.reject(400);
            return;
        }
        ReplayClient client = new ReplayClient(ws, streams, combined);
        ws.pongHandler(b -> {
            if (admitted(client)) (pingPayloads.remove(b.toString()) ? echoedPongs : otherPongs).incrementAndGet();
        });
        ws.textMessageHandler(text -> {
            if (!admitted(client)) return;
            requests.incrementAndGet();
            ws.writeTextMessage(SubscriptionRequests.answer(client, text));
        });
        ws.closeHandler(v -> clients.remove(client));
        clients.add(client);
        connections.incrementAndGet();
    }

    /** Counts an incoming message; a sixth within one second drops the connection, as Binance does. */
    private boolean admitted(ReplayClient client) {
        boolean admitted = client.admit(System.nanoTime());
        peakIncomingPerSecond = Math.max(peakIncomingPerSecond, client.peakPerSecond());
        if (admitted) return true;
        if (clients.remove(client)) {
            rateLimitDrops.incrementAndGet();
            LOG.warnf("replay server: a connection sent more than %d messages within a second: dropped", ReplayClient.MAX_INCOMING);
            client.ws.close((short) 1008, "Too many requests");
        }
        return false;
    }

    private void onRequest(HttpServerRequest req) {
        if (req.path().equals("/api/v3/exchangeInfo")) {
            restCalls.incrementAndGet();
            req.response().putHeader("Content-Type", "application/json")
                    .end(BinancePayloads.exchangeInfo(System.currentTimeMillis(), universe.listings()));
            return;
        }
        if (!req.path().equals("/api/v3/historicalTrades")) {
            req.response().setStatusCode(404).end("{\"code\":-1,\"msg\":\"not found\"}");
            return;
        }
        restCalls.incrementAndGet();
        Tape tape = tapes.get(String.valueOf(req.getParam("symbol")));
        if (tape == null) {
            req.response().setStatusCode(400).end("{\"code\":-1121,\"msg\":\"Invalid symbol.\"}");
            return;
        }
        int limit = Math.min(1000, Integer.parseInt(req.getParam("limit", "500")));
        long fromId = Long.parseLong(req.getParam("fromId", "0"));
        Map<Long, UnaryOperator<String>> edits = historyEdits.getOrDefault(req.getParam("symbol"), Map.of());
        req.response().putHeader("Content-Type", "application/json")
                .end(BinancePayloads.historicalTrades(tape.history(fromId, limit), t -> edits.getOrDefault(t.tradeId(), e -> e)));
    }
}

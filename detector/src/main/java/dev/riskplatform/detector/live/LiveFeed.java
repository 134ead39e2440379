package dev.riskplatform.detector.live;

import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Fans risk events and alerts out to every browser connected to {@code /live}; never blocks the stream. */
@ApplicationScoped
public class LiveFeed {

    private final OpenConnections connections;
    private final RecentHistory recent = new RecentHistory(500, 50);
    private final MarketBoard market = new MarketBoard(200);
    /** Connections that got their history: live frames go only to them, so none arrives before older history. */
    private final Set<String> caughtUp = ConcurrentHashMap.newKeySet();

    public LiveFeed(OpenConnections connections) {
        this.connections = connections;
    }

    // synchronized with catchUp: a frame is either in the snapshot a new browser gets or sent to it live, never both or neither.
    public synchronized void broadcast(String json) {
        market.add(json);
        // Alerts are the payloads with a severity (docs/topics.md); events have none.
        recent.add(json, json.contains("\"severity\""));
        for (var c : connections) if (caughtUp.contains(c.id())) send(c, json);
    }

    /** Replays the recent history to one new connection, then lets live frames through to it. */
    synchronized void catchUp(WebSocketConnection c) {
        for (String json : recent.snapshot()) send(c, json);
        caughtUp.add(c.id());
    }

    void closed(WebSocketConnection c) {
        caughtUp.remove(c.id());
    }

    MarketBoard market() {
        return market;
    }

    private static void send(WebSocketConnection c, String json) {
        // Fire and forget: a slow browser must not hold back scoring.
        if (c.isOpen()) c.sendText(json).subscribe().with(ok -> { }, err -> { });
    }
}

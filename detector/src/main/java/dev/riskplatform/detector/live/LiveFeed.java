package dev.riskplatform.detector.live;

import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;

/** Fans risk events and alerts out to every browser connected to {@code /live}; never blocks the stream. */
@ApplicationScoped
public class LiveFeed {

    private final OpenConnections connections;
    private final RecentHistory recent = new RecentHistory(500, 50);

    public LiveFeed(OpenConnections connections) {
        this.connections = connections;
    }

    public void broadcast(String json) {
        // Alerts are the payloads with a severity (docs/topics.md); events have none.
        recent.add(json, json.contains("\"severity\""));
        for (var c : connections) send(c, json);
    }

    /** Replays the recent history to one new connection. */
    void catchUp(WebSocketConnection c) {
        for (String json : recent.snapshot()) send(c, json);
    }

    private static void send(WebSocketConnection c, String json) {
        // Fire and forget: a slow browser must not hold back scoring.
        if (c.isOpen()) c.sendText(json).subscribe().with(ok -> { }, err -> { });
    }
}

package dev.riskplatform.detector.live;

import io.quarkus.websockets.next.OpenConnections;
import jakarta.enterprise.context.ApplicationScoped;

/** Fans risk events and alerts out to every browser connected to {@code /live}; never blocks the stream. */
@ApplicationScoped
public class LiveFeed {

    private final OpenConnections connections;

    public LiveFeed(OpenConnections connections) {
        this.connections = connections;
    }

    public void broadcast(String json) {
        for (var c : connections) {
            // Fire and forget: a slow browser must not hold back scoring.
            if (c.isOpen()) c.sendText(json).subscribe().with(ok -> { }, err -> { });
        }
    }
}

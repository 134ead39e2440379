package dev.riskplatform.detector.live;

import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.EmittedBar;
import dev.riskplatform.core.risk.RiskEvent;
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

    /** A risk event and its JSON (as risk_events carries it) to the market board and every browser. */
    public synchronized void event(RiskEvent e, String json) {
        market.add(e);
        publish(json, false);
    }

    /** A bar restored from risk_events after a restart or a rebalance: to the market board only (browsers saw it live). */
    public synchronized void restored(EmittedBar e) {
        market.restored(e);
    }

    /** An alert and its JSON (as risk_alerts carries it) to the market board and every browser. */
    public synchronized void alert(Alert a, String json) {
        market.add(a, json);
        publish(json, true);
    }

    // Under the lock of catchUp: a frame is either in the snapshot a new browser gets or sent to it live, never both or neither.
    private void publish(String json, boolean alert) {
        recent.add(json, alert);
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

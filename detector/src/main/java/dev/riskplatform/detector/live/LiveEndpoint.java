package dev.riskplatform.detector.live;

import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;

/**
 * {@code /live}: every risk event and alert as JSON text frames, as the detector emits them
 * (payloads of docs/topics.md; an alert is the one with {@code severity}). Read-only.
 * On connect: a hello, then the recent history (last 500 events, last 50 alerts).
 */
@WebSocket(path = "/live")
public class LiveEndpoint {

    private final LiveFeed feed;

    public LiveEndpoint(LiveFeed feed) {
        this.feed = feed;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        connection.sendText("{\"hello\":\"detector\"}").subscribe().with(ok -> { }, err -> { });
        feed.catchUp(connection);
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        feed.closed(connection);
    }
}

package dev.riskplatform.detector.live;

import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.WebSocket;

/**
 * {@code /live}: every risk event and alert as JSON text frames, as the detector emits them
 * (payloads of docs/topics.md; an alert is the one with {@code severity}). Read-only.
 */
@WebSocket(path = "/live")
public class LiveEndpoint {

    @OnOpen
    public String onOpen() {
        return "{\"hello\":\"detector\"}";
    }
}

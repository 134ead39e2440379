package dev.riskplatform.detector.live;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /market}: the market view's initial snapshot, every symbol's latest summary (close, score,
 * threshold, risk = score / threshold, alert count, newest alert) and the recent alerts; /live then streams
 * the updates. {@code GET /market/{symbol}/bars}: the symbol's last bars as risk events, oldest first, so its
 * chart opens with them. Read-only.
 */
@Path("/market")
public class MarketResource {

    private final LiveFeed feed;

    public MarketResource(LiveFeed feed) {
        this.feed = feed;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode market() {
        return feed.market().snapshot();
    }

    @GET
    @Path("/{symbol}/bars")
    @Produces(MediaType.APPLICATION_JSON)
    public ArrayNode bars(@PathParam("symbol") String symbol) {
        return feed.market().bars(symbol);
    }
}

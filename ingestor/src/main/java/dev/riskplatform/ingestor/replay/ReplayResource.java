package dev.riskplatform.ingestor.replay;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /replay/start?speed=600[&from=epochMillis]}: starts a replay held back by
 * {@code ingestor.replay.autostart=false}, optionally from a trade time (see {@link ReplayMode#play(double, long)}).
 */
@Path("/replay/start")
public class ReplayResource {

    private final ReplayMode replay;

    public ReplayResource(ReplayMode replay) {
        this.replay = replay;
    }

    @POST
    public Response start(@QueryParam("speed") Double speed, @QueryParam("from") Long from) {
        if (!replay.replaying()) return Response.status(409).entity(Map.of("error", "ingestor.mode is not replay")).build();
        boolean started = replay.play(speed == null ? 0 : speed, from == null ? 0 : from);
        return Response.ok(Map.of("started", started)).build();
    }
}

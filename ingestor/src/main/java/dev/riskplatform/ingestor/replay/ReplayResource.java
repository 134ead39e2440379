package dev.riskplatform.ingestor.replay;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/** {@code POST /replay/start?speed=600}: starts a replay held back by {@code ingestor.replay.autostart=false}. */
@Path("/replay/start")
public class ReplayResource {

    private final ReplayMode replay;

    public ReplayResource(ReplayMode replay) {
        this.replay = replay;
    }

    @POST
    public Response start(@QueryParam("speed") Double speed) {
        if (!replay.replaying()) return Response.status(409).entity(Map.of("error", "ingestor.mode is not replay")).build();
        boolean started = replay.play(speed == null ? 0 : speed);
        return Response.ok(Map.of("started", started)).build();
    }
}

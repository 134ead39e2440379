package dev.riskplatform.simulator.app;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /replay/start?speed=600[&from=epochMillis]}: starts a tape held back by {@code simulator.autostart=false}
 * (0 or no speed: {@code simulator.speed}), optionally from a trade time (see SimulatedMarket#play).
 */
@Path("/replay/start")
public class ReplayResource {

    private final SimulatorApp app;

    public ReplayResource(SimulatorApp app) {
        this.app = app;
    }

    @POST
    public Response start(@QueryParam("speed") Double speed, @QueryParam("from") Long from) {
        double atSpeed = speed == null || speed == 0 ? app.speed() : speed;
        if (!(atSpeed > 0)) return Response.status(400).entity(Map.of("error", "speed must be > 0")).build();
        boolean started = app.market().play(atSpeed, from == null ? 0 : from);
        return Response.ok(Map.of("started", started)).build();
    }
}

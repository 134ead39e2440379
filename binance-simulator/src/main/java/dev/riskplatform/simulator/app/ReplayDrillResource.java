package dev.riskplatform.simulator.app;

import dev.riskplatform.simulator.Garbage;
import dev.riskplatform.simulator.LoadGenerator;
import dev.riskplatform.simulator.ReplayServer;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The exchange's side of the fault drills (ops/drills.sh, docs/reliability.md): how far the tape got, the faults
 * Binance can inflict — garbage frames, disconnect storms, serverShutdown — the simulated exchange's listings and
 * delistings, and the load harness's synthetic feed (ops/loadtest.sh).
 */
@Path("/replay")
public class ReplayDrillResource {

    private static final Logger LOG = Logger.getLogger(ReplayDrillResource.class);
    private static final int MAX_GARBAGE = 1_000_000;
    private static final int MAX_DISCONNECTS = 1_000;

    private final SimulatorApp app;

    public ReplayDrillResource(SimulatorApp app) {
        this.app = app;
    }

    /**
     * Synthetic load for ops/loadtest.sh: {@code rate} trades/s over {@code symbols} symbols for {@code seconds}, with
     * a price jump of {@code jumpBps} basis points every {@code jumpEvery} bars per symbol (0 = none) so the detector
     * alerts (SyntheticFeed). The defaults, 1 % every 32 bars, are one alert per jump: the cool-down is 30 bars.
     * {@code zipf} &gt; 0 skews the symbols' rates as the market's are (0, the default: equal rates).
     */
    @POST
    @Path("load")
    public Response startLoad(@QueryParam("symbols") int symbols, @QueryParam("rate") long rate,
                              @QueryParam("seconds") int seconds, @QueryParam("eventSpeed") long eventSpeed,
                              @QueryParam("jumpEvery") @DefaultValue("32") int jumpEvery,
                              @QueryParam("jumpBps") @DefaultValue("100") int jumpBps,
                              @QueryParam("zipf") @DefaultValue("0") double zipf) {
        if (symbols < 1 || symbols > LoadGenerator.MAX_SYMBOLS) return badRequest("symbols must be 1.." + LoadGenerator.MAX_SYMBOLS);
        if (rate < 1 || rate > 2_000_000 || seconds < 1 || seconds > 600) return badRequest("rate 1..2000000, seconds 1..600");
        if (jumpEvery < 0 || jumpBps < 0 || jumpBps > 5_000) return badRequest("jumpEvery >= 0, jumpBps 0..5000");
        if (!(zipf >= 0 && zipf <= 4)) return badRequest("zipf 0..4");
        return onServer(s -> app.load().start(symbols, rate, java.time.Duration.ofSeconds(seconds), Math.max(1, eventSpeed), jumpEvery, jumpBps, zipf)
                ? Map.of("started", true, "symbols", symbols, "rate", rate, "seconds", seconds, "zipf", zipf)
                : Map.of("started", false, "error", "a load run is still running"));
    }

    @GET
    @Path("load")
    public Response loadStatus() {
        return onServer(s -> app.load().status());
    }

    @GET
    @Path("status")
    public Response status() {
        return onServer(s -> s.progress(app.market().symbol()));
    }

    /** Sends {@code count} fuzzed frames (seeded: the same seed, the same frames) to every client. */
    @POST
    @Path("chaos/garbage")
    public Response garbage(@QueryParam("count") int count, @QueryParam("seed") long seed) {
        if (count < 1 || count > MAX_GARBAGE) return badRequest("count must be 1.." + MAX_GARBAGE);
        return onServer(s -> {
            Garbage garbage = new Garbage(seed);
            for (long i = 0; i < count; i++) s.broadcastRaw(garbage.next(app.market().symbol(), i));
            LOG.warnf("drill: sent %d garbage frames (seed %d)", count, seed);
            return Map.of("sent", count, "seed", seed);
        });
    }

    /** Closes every connection {@code times} times, {@code everyMs} apart: the client must back off and backfill. */
    @POST
    @Path("chaos/disconnects")
    public Response disconnects(@QueryParam("times") int times, @QueryParam("everyMs") long everyMs) {
        if (times < 1 || times > MAX_DISCONNECTS) return badRequest("times must be 1.." + MAX_DISCONNECTS);
        long step = Math.max(1, everyMs);
        return onServer(s -> {
            s.disconnectStorm(times, step);
            LOG.warnf("drill: %d forced disconnects, every %d ms", times, step);
            return Map.of("disconnects", times, "everyMs", step);
        });
    }

    /** Streams the next {@code count} trades of the tape at once (kafka-outage-long: more than the publish gate holds). */
    @POST
    @Path("chaos/burst")
    public Response burst(@QueryParam("count") int count) {
        if (count < 1 || count > MAX_GARBAGE) return badRequest("count must be 1.." + MAX_GARBAGE);
        return onServer(s -> {
            int sent = app.market().burst(count);
            LOG.warnf("drill: streamed %d trades of the tape at once", sent);
            return Map.of("sent", sent);
        });
    }

    /** Lists {@code symbol} on the simulated exchange (GET /api/v3/exchangeInfo): a client following ALL subscribes it. */
    @POST
    @Path("listings")
    public Response list(@QueryParam("symbol") String symbol) {
        if (symbol == null || !symbol.matches("[A-Z0-9]{2,32}")) return badRequest("symbol must be 2..32 of A-Z0-9");
        return onServer(s -> {
            s.universe().list(symbol);
            return Map.of("symbol", symbol, "status", "TRADING");
        });
    }

    /** Delists {@code symbol} (status BREAK): a client following ALL unsubscribes it. */
    @DELETE
    @Path("listings")
    public Response delist(@QueryParam("symbol") String symbol) {
        return onServer(s -> {
            s.universe().delist(String.valueOf(symbol));
            return Map.of("symbol", String.valueOf(symbol), "status", "BREAK");
        });
    }

    @POST
    @Path("chaos/server-shutdown")
    public Response serverShutdown() {
        return onServer(s -> {
            s.sendServerShutdown();
            LOG.warn("drill: sent serverShutdown to every client");
            return Map.of("serverShutdown", true);
        });
    }

    private Response onServer(Function<ReplayServer, Object> action) {
        return Response.ok(action.apply(app.market().server())).build();
    }

    private static Response badRequest(String why) {
        return Response.status(400).entity(Map.of("error", why)).build();
    }
}

package dev.riskplatform.trainer.api;

import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.trainer.dataset.DatasetException;
import dev.riskplatform.trainer.training.TrainRequest;
import dev.riskplatform.trainer.training.TrainingOutcome;
import dev.riskplatform.trainer.training.TrainingService;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code POST /train}: trains synchronously (on a worker thread) and answers with the registered
 * version and the promotion result. Parameters as a JSON body ({@link TrainRequest}) or, without
 * a body, as query parameters. 200: registered (promoted or not, see {@code promoted}/{@code reason});
 * 400: bad request or bad input data (a symbol's own model with too little history too), nothing registered;
 * 500: storage failure. With {@code symbols}: 200 with each symbol's outcome or the reason it was refused
 * ({@link dev.riskplatform.trainer.training.SymbolOutcomes}).
 */
@Path("/train")
public class TrainResource {

    private final TrainingService training;

    public TrainResource(TrainingService training) {
        this.training = training;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response trainJson(TrainRequest body) {
        return run(body);
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response trainQuery(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
                               @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("model") String model,
                               @QueryParam("trees") Integer trees, @QueryParam("maxSamples") Integer maxSamples,
                               @QueryParam("seed") Long seed, @QueryParam("contamination") Double contamination,
                               @QueryParam("targetAlertRate") Double targetAlertRate) {
        return run(new TrainRequest(symbol, interval, from, to, model, trees, maxSamples, seed, contamination, targetAlertRate,
                null, null, null, null, null, null, null, null, null, null));
    }

    private Response run(TrainRequest request) {
        try {
            if (request != null && request.symbols() != null) return Response.ok(training.trainEach(request)).build();
            TrainingOutcome outcome = training.train(request == null ? TrainRequest.of(null, null, null, null, null) : request);
            return Response.ok(outcome).build();
        } catch (DatasetException | IllegalArgumentException e) {
            return error(Response.Status.BAD_REQUEST, e.getMessage());
        } catch (ModelArtifactException e) {
            return error(Response.Status.INTERNAL_SERVER_ERROR, e.getMessage());
        }
    }

    private static Response error(Response.Status status, String message) {
        return Response.status(status).entity(Map.of("error", String.valueOf(message))).type(MediaType.APPLICATION_JSON).build();
    }
}

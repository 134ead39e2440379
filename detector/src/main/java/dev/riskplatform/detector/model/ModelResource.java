package dev.riskplatform.detector.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;

/**
 * {@code GET /model}: the model serving now (name, version, sha256, feature spec, operating point) and,
 * as {@code training}, its card from {@code models/<name>/v<N>/card.json} (data range, parameters,
 * validation). 503 with the reason before the first model.
 */
@Path("/model")
public class ModelResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelManager models;
    private final ObjectStore store;

    public ModelResource(ModelManager models, ObjectStore store) {
        this.models = models;
        this.store = store;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response model() throws IOException {
        var active = models.active();
        if (active.isEmpty()) {
            return Response.status(503).entity(JSON.createObjectNode().put("error", "no model loaded: " + models.lastProblem()).toString()).build();
        }
        ActiveModel m = active.get();
        var s = m.scoring();
        ObjectNode n = JSON.createObjectNode().put("name", s.name()).put("version", s.version())
                .put("sha256", m.sha256()).put("loadedAt", m.loadedAt().toString());
        var spec = s.spec();
        ObjectNode f = n.putObject("featureSpec").put("version", spec.version()).put("interval", spec.interval().code())
                .put("volatilityWindow", spec.volatilityWindow()).put("zScoreWindow", spec.zScoreWindow())
                .put("momentumWindow", spec.momentumWindow()).put("warmUpBars", spec.warmUpBars());
        spec.featureNames().forEach(f.putArray("features")::add);
        // The operating point: the served score, its threshold, and the alerts a day it was set for (rate × bars a day).
        n.putObject("threshold").put("value", s.threshold().value()).put("contamination", s.threshold().contamination())
                .put("scorer", s.kind().id()).put("alertsPerDay", s.threshold().contamination() * spec.barsPerDay());
        var card = store.get("models/" + s.name() + "/v" + s.version() + "/card.json");
        if (card.isPresent()) n.set("training", JSON.readTree(card.get()));
        return Response.ok(n.toString()).build();
    }
}

package dev.riskplatform.detector.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.core.artifact.SymbolModels;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.TreeMap;

/**
 * {@code GET /model}: the default model serving now, or with {@code ?symbol=S} the model that scores S
 * (its own, else the default): name, version, sha256, feature spec, operating point and, as
 * {@code training}, its card from {@code models/<name>/v<N>/card.json}. {@code GET /models}: what serves
 * which symbol. 503 with the reason before the first model.
 */
@Path("/")
public class ModelResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ModelManager models;
    private final ObjectStore store;
    private final DetectorConfig config;

    public ModelResource(ModelManager models, ObjectStore store, DetectorConfig config) {
        this.models = models;
        this.store = store;
        this.config = config;
    }

    @GET
    @Path("model")
    @Produces(MediaType.APPLICATION_JSON)
    public Response model(@QueryParam("symbol") String symbol) throws IOException {
        ActiveModel m = symbol == null || symbol.isBlank() ? models.current() : models.forSymbol(symbol.strip());
        if (m == null) return notYet();
        ObjectNode n = describe(m);
        var s = m.scoring();
        var spec = s.spec();
        ObjectNode f = n.putObject("featureSpec").put("version", spec.version()).put("interval", spec.interval().code())
                .put("volatilityWindow", spec.volatilityWindow()).put("zScoreWindow", spec.zScoreWindow())
                .put("momentumWindow", spec.momentumWindow()).put("warmUpBars", spec.warmUpBars());
        spec.featureNames().forEach(f.putArray("features")::add);
        var card = store.get("models/" + s.name() + "/v" + s.version() + "/card.json");
        if (card.isPresent()) n.set("training", JSON.readTree(card.get()));
        return Response.ok(n.toString()).build();
    }

    /** The default model, the naming rule, each symbol with a model of its own, and why a symbol's model is not serving. */
    @GET
    @Path("models")
    @Produces(MediaType.APPLICATION_JSON)
    public Response models() {
        ServingModels serving = models.serving();
        if (serving.fallback() == null) return notYet();
        ObjectNode n = JSON.createObjectNode();
        n.set("default", describe(serving.fallback()));
        n.put("symbolModelName", SymbolModels.prefix(config.modelName()) + "<symbol in lower case>");
        ObjectNode own = n.putObject("symbols");
        new TreeMap<>(serving.bySymbol()).forEach((symbol, m) -> own.set(symbol, describe(m)));
        ObjectNode problems = n.putObject("problems");
        new TreeMap<>(models.symbolProblems()).forEach(problems::put);
        return Response.ok(n.toString()).build();
    }

    /** Name, version, hash, load time and the operating point: the served score, its threshold, its alerts a day. */
    private static ObjectNode describe(ActiveModel m) {
        var s = m.scoring();
        ObjectNode n = JSON.createObjectNode().put("name", s.name()).put("version", s.version())
                .put("sha256", m.sha256()).put("loadedAt", m.loadedAt().toString());
        n.putObject("threshold").put("value", s.threshold().value()).put("contamination", s.threshold().contamination())
                .put("scorer", s.kind().id()).put("alertsPerDay", s.threshold().contamination() * s.spec().barsPerDay());
        return n;
    }

    private Response notYet() {
        return Response.status(503).entity(JSON.createObjectNode().put("error", "no model loaded: " + models.lastProblem()).toString()).build();
    }
}

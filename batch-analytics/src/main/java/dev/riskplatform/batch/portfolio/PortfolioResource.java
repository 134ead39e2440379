package dev.riskplatform.batch.portfolio;

import dev.riskplatform.core.portfolio.Portfolio;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /portfolio}: the configured portfolios (name, sizing, positions). {@code GET /portfolio?name=P}: P's
 * stored risk table ({@link PortfolioTable}), as the last run of a member wrote it; 404 for a name not configured
 * or not computed yet. {@code POST /portfolio?name=P}: recompute it now from the stored daily rows (after a change
 * of positions, say) and answer its key.
 */
@Path("/portfolio")
public class PortfolioResource {

    private final Portfolios portfolios;
    private final PortfolioTable table;

    public PortfolioResource(Portfolios portfolios, PortfolioTable table) {
        this.portfolios = portfolios;
        this.table = table;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get(@QueryParam("name") String name) {
        if (name == null || name.isBlank()) return Response.ok(portfolios.all().stream().map(PortfolioResource::definition).toList()).build();
        Portfolio p = configured(name);
        byte[] stored = table.read(p.name())
                .orElseThrow(() -> new NotFoundException("portfolio " + name + " not computed yet: no batch run of a member"));
        return Response.ok(stored).build();
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> recompute(@QueryParam("name") String name) {
        if (name == null || name.isBlank()) throw new BadRequestException("name is required");
        return Map.of("key", table.write(configured(name)));
    }

    private Portfolio configured(String name) {
        return portfolios.named(name).orElseThrow(() -> new NotFoundException("no portfolio " + name + " configured (batch.portfolios)"));
    }

    private static Map<String, Object> definition(Portfolio p) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", p.name());
        d.put("sizing", p.sizing().name().toLowerCase());
        d.put("symbols", p.symbols());
        d.put("positions", PortfolioTable.positions(p));
        return d;
    }
}

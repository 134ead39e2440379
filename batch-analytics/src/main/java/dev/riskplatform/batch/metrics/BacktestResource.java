package dev.riskplatform.batch.metrics;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /backtest?symbol=S}: the symbol's stored VaR backtest table ({@link BacktestTable}), as the last batch
 * run wrote it; 404 before the symbol's first run.
 */
@Path("/backtest")
public class BacktestResource {

    private final BacktestTable table;

    public BacktestResource(BacktestTable table) {
        this.table = table;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] backtest(@QueryParam("symbol") String symbol) {
        if (symbol == null || symbol.isBlank()) throw new BadRequestException("symbol is required");
        return table.read(symbol).orElseThrow(() -> new NotFoundException("no backtest for " + symbol + ": no batch run yet"));
    }
}

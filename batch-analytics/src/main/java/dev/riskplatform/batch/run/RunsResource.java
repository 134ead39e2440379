package dev.riskplatform.batch.run;

import dev.riskplatform.batch.processing.ModelLoader;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * On-demand runs. One symbol: {@code POST /runs?symbol=S&date=D}, {@code ?symbol=S&from=D1&to=D2} or the Jenkins
 * job's {@code ?symbol=S&YEAR=y&MONTH=m&DAY=d}; synchronous, answers with the run report. Many symbols:
 * {@code POST /runs?symbols=ALL&from=D1&to=D2} ({@code ALL}, quote filters such as {@code *USDT}, or a comma-separated
 * list; the same date parameters) starts a {@link MarketRun} and answers 202 with its id; {@code GET /runs/{id}}
 * follows it: symbols done, symbol-days per second, the ETA, then the report.
 */
@Path("/runs")
public class RunsResource {

    private final BatchRunner runner;
    private final MarketRuns markets;

    public RunsResource(BatchRunner runner, MarketRuns markets) {
        this.runner = runner;
        this.markets = markets;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(@QueryParam("symbol") String symbol, @QueryParam("symbols") String symbols,
                        @QueryParam("date") String date, @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("YEAR") Integer year, @QueryParam("MONTH") Integer month, @QueryParam("DAY") Integer day) {
        LocalDate[] range = range(date, from, to, year, month, day);
        if (symbols != null && !symbols.isBlank()) return startMarket(symbols, range);
        if (symbol == null || symbol.isBlank()) throw new BadRequestException("symbol (one) or symbols (ALL, *QUOTE or a list) is required");
        try {
            return Response.ok(runner.run(symbol, range[0], range[1])).build();
        } catch (ModelLoader.BatchModelException e) {
            return Response.status(Response.Status.CONFLICT).entity(Map.of("error", e.getMessage())).build();
        }
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> progress(@PathParam("id") String id) {
        MarketRuns.Started run = markets.get(id).orElseThrow(() -> new NotFoundException("no market run " + id));
        MarketProgress p = run.progress();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", run.id());
        out.put("from", run.from().toString());
        out.put("to", run.to().toString());
        out.put("state", p.running() ? "running" : p.failure() != null ? "failed" : "finished");
        out.put("symbols", p.symbols().size());
        out.put("symbolsDone", p.symbolsDone());
        out.put("symbolDaysPerSecond", p.daysPerSecond());
        out.put("etaSeconds", p.running() ? p.etaSeconds() : Double.valueOf(0));
        if (p.failure() != null) out.put("error", p.failure());
        if (p.report() != null) {
            out.put("exitCode", p.report().exitCode());
            out.put("report", p.report());
        }
        return out;
    }

    private Response startMarket(String symbols, LocalDate[] range) {
        List<String> selection = Arrays.stream(symbols.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        MarketRuns.Started run;
        try {
            run = markets.start(selection, range[0], range[1]);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        URI status = URI.create("/runs/" + run.id());
        return Response.accepted(Map.of("id", run.id(), "symbols", run.progress().symbols().size(), "status", status.toString()))
                .location(status).build();
    }

    static LocalDate[] range(String date, String from, String to, Integer year, Integer month, Integer day) {
        try {
            if (date != null) return new LocalDate[]{LocalDate.parse(date), LocalDate.parse(date)};
            if (from != null && to != null) return new LocalDate[]{LocalDate.parse(from), LocalDate.parse(to)};
            if (year != null && month != null && day != null) {
                LocalDate d = LocalDate.of(year, month, day);
                return new LocalDate[]{d, d};
            }
        } catch (DateTimeException e) {
            throw new BadRequestException("bad date: " + e.getMessage());
        }
        throw new BadRequestException("give date, from and to, or YEAR, MONTH and DAY");
    }
}

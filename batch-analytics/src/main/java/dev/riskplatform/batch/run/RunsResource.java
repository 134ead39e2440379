package dev.riskplatform.batch.run;

import dev.riskplatform.batch.processing.ModelLoader;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * On-demand runs: {@code POST /runs?symbol=S&date=D}, {@code ?symbol=S&from=D1&to=D2} or the Jenkins
 * job's {@code ?symbol=S&YEAR=y&MONTH=m&DAY=d}. Synchronous: answers with the run report.
 */
@Path("/runs")
public class RunsResource {

    private final BatchRunner runner;

    public RunsResource(BatchRunner runner) {
        this.runner = runner;
    }

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Response run(@QueryParam("symbol") String symbol, @QueryParam("date") String date,
                        @QueryParam("from") String from, @QueryParam("to") String to,
                        @QueryParam("YEAR") Integer year, @QueryParam("MONTH") Integer month, @QueryParam("DAY") Integer day) {
        if (symbol == null || symbol.isBlank()) throw new BadRequestException("symbol is required");
        LocalDate[] range = range(date, from, to, year, month, day);
        try {
            RunReport report = runner.run(symbol, range[0], range[1]);
            return Response.ok(report).build();
        } catch (ModelLoader.BatchModelException e) {
            return Response.status(Response.Status.CONFLICT).entity(java.util.Map.of("error", e.getMessage())).build();
        }
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

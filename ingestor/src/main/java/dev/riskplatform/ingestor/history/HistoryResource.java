package dev.riskplatform.ingestor.history;

import dev.riskplatform.core.market.BarInterval;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Operator entry points (run on a worker thread: they block on REST and S3).
 * {@code POST /backfill/klines?symbol=BTCUSDT&interval=1m&from=2024-01-01&to=2024-01-02} (UTC dates or ISO instants, to exclusive);
 * {@code POST /import/dumps?dir=/data/binance}; {@code POST /import/sample} (bundled Bitstamp 2013 trades).
 */
@Path("/")
public class HistoryResource {

    private final KlineBackfill backfill;
    private final DumpImporter importer;
    private final SampleImporter sample;

    public HistoryResource(KlineBackfill backfill, DumpImporter importer, SampleImporter sample) {
        this.backfill = backfill;
        this.importer = importer;
        this.sample = sample;
    }

    /** The bundled Bitstamp 2013 trades as 1m bars in raw/bars/ (what ./platform up trains on). */
    @POST
    @Path("import/sample")
    public SampleImporter.Result sample(@QueryParam("symbol") @jakarta.ws.rs.DefaultValue("BTCUSDT") String symbol) {
        return sample.importBitstamp(symbol);
    }

    @POST
    @Path("backfill/klines")
    public KlineBackfill.Result klines(@QueryParam("symbol") String symbol, @QueryParam("interval") String interval,
                                       @QueryParam("from") String from, @QueryParam("to") String to) throws InterruptedException {
        if (symbol == null || interval == null || from == null || to == null) throw new BadRequestException("symbol, interval, from and to are required");
        try {
            return backfill.run(symbol, BarInterval.parse(interval), millis(from), millis(to));
        } catch (BinanceRestException e) {
            throw new WebApplicationException(e.getMessage(), Response.status(502).entity(e.getMessage()).build());
        }
    }

    @POST
    @Path("import/dumps")
    public List<DumpImporter.FileResult> dumps(@QueryParam("dir") String dir) {
        if (dir == null || !Files.isDirectory(java.nio.file.Path.of(dir))) throw new BadRequestException("dir must be a directory: " + dir);
        return importer.importDir(java.nio.file.Path.of(dir));
    }

    private static long millis(String s) {
        try {
            return s.length() == 10 ? LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli() : Instant.parse(s).toEpochMilli();
        } catch (RuntimeException e) {
            throw new BadRequestException("not a UTC date or ISO instant: " + s);
        }
    }
}

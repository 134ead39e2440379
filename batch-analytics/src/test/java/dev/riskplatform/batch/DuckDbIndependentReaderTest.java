package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DuckDB, an independent Parquet reader, reads our metrics file and recomputes the close, the max
 * drawdown and VaR 95 % in SQL from our processed file (both downloaded from S3): equal. The files are
 * found as docs/storage.md tells any reader, with plain JSON and GETs (not the service's reader classes):
 * the day's {@code _current.json} names the run's two partitions, each partition's {@code _manifest.json}
 * names its file.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DuckDbIndependentReaderTest extends BatchTestBase {

    private static final String SYMBOL = "DUCKUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 7, 4);

    @TempDir
    Path tmp;

    @Test
    void sqlOverProcessedParquetGivesTheStoredMetrics() throws Exception {
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, BatchFixtures.day(SYMBOL, DAY, 51, 60_000));
        runner.run(SYMBOL, DAY, DAY);
        JsonNode pointer = json(AnalyticsKeys.metricsPrefix(SYMBOL, DAY) + "_current.json");
        Path metrics = Files.write(tmp.resolve("metrics.parquet"), viaManifest(pointer.get("metrics").asText()));
        Path processed = Files.write(tmp.resolve("processed.parquet"), viaManifest(pointer.get("processed").asText()));

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            double[] stored = row(db, "SELECT close, maxDrawdown, var95_1m FROM read_parquet('" + metrics + "')");
            // Real bars only (gap fills are not observations); drawdown vs the running peak; VaR = −r_(k), k = ceil(0.05 n).
            String bars = "(SELECT openTime, close FROM read_parquet('" + processed + "') WHERE NOT gap)";
            double close = row(db, "SELECT last(close ORDER BY openTime) FROM " + bars)[0];
            double mdd = row(db, "SELECT max(1.0 - close / peak) FROM (SELECT close, max(close) OVER (ORDER BY openTime) AS peak FROM "
                    + bars + ")")[0];
            double var95 = row(db, "WITH r AS (SELECT ln(close / lag(close) OVER (ORDER BY openTime)) AS r FROM " + bars + "),"
                    + " s AS (SELECT r, row_number() OVER (ORDER BY r) AS k, count(*) OVER () AS n FROM r WHERE r IS NOT NULL)"
                    + " SELECT -r FROM s WHERE k = ceil(0.05 * n)")[0];
            assertEquals(stored[0], close, 0.0);
            assertEquals(stored[1], mdd, 0.0);
            assertEquals(stored[2], var95, 1e-12);
        }
    }

    private JsonNode json(String key) throws Exception {
        return new ObjectMapper().readTree(store.get(key).orElseThrow(() -> new AssertionError("no " + key)));
    }

    /** The one file the partition's manifest names, checked against the manifest's SHA-256. */
    private byte[] viaManifest(String prefix) throws Exception {
        JsonNode files = json(prefix + "_manifest.json").get("files");
        assertEquals(1, files.size());
        byte[] bytes = store.get(files.get(0).get("key").asText()).orElseThrow();
        assertEquals(files.get(0).get("sha256").asText(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
        return bytes;
    }

    private static double[] row(Connection db, String sql) throws SQLException {
        try (var st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) throw new AssertionError("no row: " + sql);
            double[] out = new double[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < out.length; i++) out[i] = rs.getDouble(i + 1);
            return out;
        }
    }
}

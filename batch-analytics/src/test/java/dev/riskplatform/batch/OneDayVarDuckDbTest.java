package dev.riskplatform.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.batch.run.RunReport;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * 30 days (one missing) through the batch; DuckDB, an independent reader, recomputes in SQL from the stored daily
 * closes the last day's 1-day historical VaR/ES and EWMA σ and, from the stored VaRs and closes, the exceedances
 * the backtest table counts; it reads the table itself (JSON) too. Then the two REST views.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OneDayVarDuckDbTest extends BatchTestBase {

    private static final String SYMBOL = "VARUSDT";
    private static final LocalDate D0 = LocalDate.of(2023, 3, 1);
    private static final int DAYS = 30;
    private static final int MISSING = 12;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private RunReport report;

    @BeforeAll
    void runThirtyDays() {
        BatchFixtures.ensureModel(registry, BatchFixtures.MODEL, dev.riskplatform.core.features.FeatureSpec.defaults());
        double start = 20_000;
        for (int d = 0; d < DAYS; d++) {
            List<RawBar> bars = BatchFixtures.day(SYMBOL, D0.plusDays(d), 500 + d, start);
            start = bars.get(bars.size() - 1).close();
            if (d != MISSING) BatchFixtures.writeRaw(writer, SYMBOL, D0.plusDays(d), bars);
        }
        report = runner.run(SYMBOL, D0, D0.plusDays(DAYS - 1));
    }

    @Test
    void sqlRecomputesTheOneDayVarAndTheBacktest() throws Exception {
        assertEquals(AnalyticsKeys.backtestKey(SYMBOL), report.backtestKey());
        assertNull(report.backtestError());
        String metrics = allMetricsFiles();
        Path table = Files.write(tmp.resolve("backtest.json"), store.get(report.backtestKey()).orElseThrow());
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            exec(db, "CREATE TABLE m AS SELECT * FROM read_parquet(" + metrics + ")");
            exec(db, "CREATE TABLE r AS SELECT date::DATE AS d, ln(close / lag(close) OVER (ORDER BY date::DATE)) AS r,"
                    + " lag(date::DATE) OVER (ORDER BY date::DATE) AS prev FROM m");
            String window = "(SELECT r FROM r WHERE prev = d - 1)"; // the last day's window holds all 27 returns
            double[] stored = row(db, "SELECT window_days, var99_1d_hs, es99_1d_hs, var95_1d_hs, sigma_1d_ewma FROM m"
                    + " ORDER BY date DESC LIMIT 1");
            assertEquals(27, (int) stored[0], "days 1..11 and 14..29 have a previous day (12 is missing)");
            // HS: k = max(1, ceil(n(1 − p))), VaR = −r_(k), ES = −mean(r ≤ r_(k))
            assertEquals(row(db, hsSql(window, 0.01))[0], stored[1], 1e-15);
            assertEquals(row(db, esSql(window, 0.01))[0], stored[2], 1e-15);
            assertEquals(row(db, hsSql(window, 0.05))[0], stored[3], 1e-15);
            // EWMA: weights 0.94^i, i = 0 for the newest return
            assertEquals(row(db, "SELECT sqrt(sum(w * r * r) / sum(w)) FROM (SELECT r, pow(0.94, row_number() OVER (ORDER BY d DESC) - 1) AS w"
                    + " FROM r WHERE prev = d - 1)")[0], stored[4], 1e-15);
            for (String method : List.of("hs", "ewma")) {
                for (String p : List.of("95", "99")) backtestMatches(db, table, method, p);
            }
        }
    }

    /** Row d's VaR against day d + 1's return ln(C_{d+1}/C_d), both days stored. */
    private void backtestMatches(Connection db, Path table, String method, String p) throws SQLException {
        String pairs = "(SELECT a.var" + p + "_1d_" + method + " AS v, ln(b.close / a.close) AS nxt FROM m a JOIN m b"
                + " ON b.date::DATE = a.date::DATE + 1 WHERE a.var" + p + "_1d_" + method + " IS NOT NULL)";
        double[] sql = row(db, "SELECT count(*), count(*) FILTER (WHERE nxt < -v) FROM " + pairs);
        double[] stored = row(db, "SELECT t.observations, t.exceedances FROM (SELECT unnest(rows) AS t FROM read_json_auto('"
                + table + "')) WHERE t.method = '" + method + "' AND t.confidence = 0." + p);
        assertEquals(sql[0], stored[0], 0.0, method + " " + p + " observations");
        assertEquals(sql[1], stored[1], 0.0, method + " " + p + " exceedances");
        assertTrue(sql[0] >= 7, "days 22..28 forecast the next day: " + sql[0]);
    }

    @Test
    void restServesTheTableAndTheRenamedColumns() throws Exception {
        JsonNode stored = JSON.readTree(store.get(AnalyticsKeys.backtestKey(SYMBOL)).orElseThrow());
        given().queryParam("symbol", SYMBOL).get("/backtest").then().statusCode(200)
                .body("symbol", equalTo(SYMBOL)).body("rows.size()", equalTo(4))
                .body("rows[0].observations", equalTo(stored.get("rows").get(0).get("observations").asInt()));
        given().queryParam("symbol", "NOTRUNUSDT").get("/backtest").then().statusCode(404);
        given().get("/backtest").then().statusCode(400);
        given().queryParam("symbol", SYMBOL).get("/metrics/daily").then().statusCode(200)
                .body("[0]", hasKey("var99_1m")).body("[0]", hasKey("window_days")).body("[28]", hasKey("var99_1d_ewma"))
                .body("[28].window_days", equalTo(27));
    }

    private static String hsSql(String window, double tail) {
        return "SELECT -r FROM (SELECT r, row_number() OVER (ORDER BY r) AS k, count(*) OVER () AS n FROM " + window + ")"
                + " WHERE k = greatest(1, ceil(" + tail + " * n - 1e-9))";
    }

    private static String esSql(String window, double tail) {
        return "SELECT -avg(r) FROM " + window + " WHERE r <= -(" + hsSql(window, tail) + ")";
    }

    /** Every day's metrics file, found through its pointer and manifest, as a DuckDB list literal of paths. */
    private String allMetricsFiles() throws Exception {
        List<String> paths = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) {
            if (d == MISSING) continue;
            Path f = Files.write(tmp.resolve("m" + d + ".parquet"), metricsFile(SYMBOL, D0.plusDays(d)));
            paths.add("'" + f + "'");
        }
        return "[" + String.join(", ", paths) + "]";
    }

    private static void exec(Connection db, String sql) throws SQLException {
        try (var st = db.createStatement()) {
            st.execute(sql);
        }
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

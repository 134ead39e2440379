package dev.riskplatform.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three symbols through the batch for 25 days, PFBUSDT missing day 8, and the two portfolios of the test profile
 * (application.properties): {@code pf-qty} holds 2 PFAUSDT, 30 PFBUSDT and 50,000 PFCUSDT; {@code pf-weights}
 * 70/30 PFAUSDT/PFBUSDT. DuckDB, an independent reader, recomputes in SQL from the stored daily closes the last
 * day's portfolio HS VaR/ES, EWMA σ_p, component VaRs and correlations, and every day's window, and reads the
 * stored tables (JSON) beside them. Then the REST views.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortfolioDuckDbTest extends BatchTestBase {

    private static final List<String> SYMBOLS = List.of("PFAUSDT", "PFBUSDT", "PFCUSDT");
    private static final double[] STARTS = {20_000, 1_500, 0.5};
    private static final LocalDate D0 = LocalDate.of(2023, 6, 1);
    private static final int DAYS = 25;
    private static final int MISSING = 8; // PFBUSDT's
    private static final LocalDate LAST = D0.plusDays(DAYS - 1);
    /** Φ⁻¹(0.99), the published value. */
    private static final double Z99 = 2.3263478740408408;

    @TempDir
    Path tmp;
    private final List<RunReport> reports = new ArrayList<>();

    @BeforeAll
    void runThreeSymbols() {
        BatchFixtures.ensureModel(registry, BatchFixtures.MODEL, dev.riskplatform.core.features.FeatureSpec.defaults());
        for (int s = 0; s < SYMBOLS.size(); s++) {
            double start = STARTS[s];
            for (int d = 0; d < DAYS; d++) {
                List<RawBar> bars = BatchFixtures.day(SYMBOLS.get(s), D0.plusDays(d), 900 + 100L * s + d, start);
                start = bars.get(bars.size() - 1).close();
                if (!(s == 1 && d == MISSING)) BatchFixtures.writeRaw(writer, SYMBOLS.get(s), D0.plusDays(d), bars);
            }
        }
        for (String s : SYMBOLS) reports.add(runner.run(s, D0, LAST));
    }

    @Test
    void everyRunRewritesThePortfoliosHoldingItsSymbol() {
        String qty = AnalyticsKeys.portfolioKey("pf-qty"), weights = AnalyticsKeys.portfolioKey("pf-weights");
        assertEquals(Map.of("pf-qty", qty, "pf-weights", weights), reports.get(0).portfolioKeys());
        assertEquals(Map.of("pf-qty", qty, "pf-weights", weights), reports.get(1).portfolioKeys());
        assertEquals(Map.of("pf-qty", qty), reports.get(2).portfolioKeys(), "PFCUSDT is not in pf-weights");
        reports.forEach(r -> assertTrue(r.portfolioErrors().isEmpty(), r.portfolioErrors().toString()));
        assertEquals(3, reports.get(1).exitCode(), "PFBUSDT's day 8 is missing input; the portfolios are written");
    }

    @Test
    void sqlRecomputesTheQuantityPortfolio() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            closesAndReturns(db);
            exec(db, "CREATE TABLE s AS SELECT unnest(days) AS t FROM read_json_auto('" + table("pf-qty") + "')");
            double[] counts = row(db, "SELECT count(*), count(*) FILTER (WHERE t.date::DATE = DATE '" + D0.plusDays(MISSING) + "') FROM s");
            assertArrayEquals(new double[] {DAYS - 1, 0}, counts, "a row for every day all three have, none for day 8");
            assertEquals(0, row(db, "SELECT count(*) FROM s JOIN c ON c.d = t.date::DATE WHERE t.window_days <>"
                    + " (SELECT count(*) FROM r WHERE r.d <= c.d AND r.d > c.d - 250)")[0], 0.0, "every day's window: common days only");
            exec(db, "CREATE TABLE w AS SELECT 2 * a / v AS wa, 30 * b / v AS wb, 50000 * x / v AS wc, v FROM"
                    + " (SELECT a, b, x, 2 * a + 30 * b + 50000 * x AS v FROM c WHERE d = DATE '" + LAST + "')");
            exec(db, "CREATE TABLE p AS SELECT r.d, ln(wa * exp(ra) + wb * exp(rb) + wc * exp(rc)) AS r, wa * ra + wb * rb + wc * rc AS lin,"
                    + " ra, rb, rc, wa, wb, wc, pow(0.94, row_number() OVER (ORDER BY r.d DESC) - 1) AS lw FROM r, w");
            double[] stored = row(db, "SELECT t.window_days, t.value, t.var99_1d_hs, t.es99_1d_hs, t.var95_1d_hs, t.es95_1d_hs, t.sigma_1d_ewma,"
                    + " t.var99_1d_ewma, t.correlation[1][2], t.correlation[2][3], t.correlation[1][3] FROM s WHERE t.date::DATE = DATE '" + LAST + "'");
            assertEquals(DAYS - 3, (int) stored[0], "days 1..24 less 8 and 9 (PFBUSDT has no return on either)");
            assertEquals(row(db, "SELECT v FROM w")[0], stored[1], 1e-9);
            String rp = "(SELECT r FROM p)";
            assertEquals(row(db, hsSql(rp, 0.01))[0], stored[2], 1e-15);
            assertEquals(row(db, esSql(rp, 0.01))[0], stored[3], 1e-15);
            assertEquals(row(db, hsSql(rp, 0.05))[0], stored[4], 1e-15);
            assertEquals(row(db, esSql(rp, 0.05))[0], stored[5], 1e-15);
            double sigma = row(db, "SELECT sqrt(sum(lw * lin * lin) / sum(lw)) FROM p")[0]; // wᵀΣw = Σ lw (w·r)² / Σ lw
            assertEquals(sigma, stored[6], 1e-15);
            assertEquals(Z99 * sigma, stored[7], 1e-14);
            assertEquals(row(db, rho("ra", "rb"))[0], stored[8], 1e-12);
            assertEquals(row(db, rho("rb", "rc"))[0], stored[9], 1e-12);
            assertEquals(row(db, rho("ra", "rc"))[0], stored[10], 1e-12);
            String[] r = {"ra", "rb", "rc"}, w = {"wa", "wb", "wc"};
            for (int i = 0; i < 3; i++) { // CVaR_i = w_i (Σw)_i / σ_p × z, (Σw)_i = Σ lw r_i (w·r) / Σ lw
                double cvar = row(db, "SELECT any_value(" + w[i] + ") * sum(lw * " + r[i] + " * lin) / sum(lw) / " + sigma + " * " + Z99 + " FROM p")[0];
                assertEquals(cvar, row(db, "SELECT c.cvar99_1d_ewma FROM (SELECT unnest(t.components) AS c FROM s WHERE t.date::DATE = DATE '"
                        + LAST + "') WHERE c.symbol = '" + SYMBOLS.get(i) + "'")[0], 1e-14, SYMBOLS.get(i));
            }
        }
    }

    @Test
    void sqlRecomputesTheWeightPortfolio() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            closesAndReturns(db); // PFCUSDT misses no day: the days all three have are the days PFAUSDT and PFBUSDT have
            exec(db, "CREATE TABLE s AS SELECT unnest(days) AS t FROM read_json_auto('" + table("pf-weights") + "')");
            exec(db, "CREATE TABLE p AS SELECT ln(0.7 * exp(ra) + 0.3 * exp(rb)) AS r, 0.7 * ra + 0.3 * rb AS lin,"
                    + " pow(0.94, row_number() OVER (ORDER BY d DESC) - 1) AS lw FROM r");
            double[] stored = row(db, "SELECT t.var99_1d_hs, t.es95_1d_hs, t.sigma_1d_ewma, (t.value IS NULL)::INT FROM s WHERE t.date::DATE = DATE '" + LAST + "'");
            assertEquals(row(db, hsSql("(SELECT r FROM p)", 0.01))[0], stored[0], 1e-15);
            assertEquals(row(db, esSql("(SELECT r FROM p)", 0.05))[0], stored[1], 1e-15);
            assertEquals(row(db, "SELECT sqrt(sum(lw * lin * lin) / sum(lw)) FROM p")[0], stored[2], 1e-15);
            assertEquals(1.0, stored[3], "a portfolio of weights has no value");
        }
    }

    @Test
    void restListsServesAndRecomputes() throws Exception {
        given().get("/portfolio").then().statusCode(200).body("name", hasItems("pf-qty", "pf-weights"))
                .body("find { it.name == 'pf-qty' }.positions[2].quantity", equalTo(50000.0f));
        given().queryParam("name", "pf-qty").get("/portfolio").then().statusCode(200)
                .body("symbols", equalTo(SYMBOLS)).body("through", equalTo(LAST.toString())).body("days.size()", equalTo(DAYS - 1))
                .body("days[-1].components.size()", equalTo(3)).body("days[-1].correlation[0][0]", equalTo(1.0f));
        given().queryParam("name", "nope").get("/portfolio").then().statusCode(404);
        byte[] before = store.get(AnalyticsKeys.portfolioKey("pf-weights")).orElseThrow();
        given().queryParam("name", "pf-weights").post("/portfolio").then().statusCode(200).body("key", equalTo(AnalyticsKeys.portfolioKey("pf-weights")));
        assertArrayEquals(before, store.get(AnalyticsKeys.portfolioKey("pf-weights")).orElseThrow(), "a recomputation of the same rows is the same table");
    }

    /** c: the three symbols' stored closes by day (x = PFCUSDT); r: the common days' returns (both days stored for all three). */
    private void closesAndReturns(Connection db) throws Exception {
        exec(db, "CREATE TABLE m AS SELECT symbol, date::DATE AS d, close FROM read_parquet(" + metricsFiles() + ")");
        exec(db, "CREATE TABLE c AS SELECT d, max(close) FILTER (WHERE symbol = 'PFAUSDT') AS a, max(close) FILTER (WHERE symbol = 'PFBUSDT') AS b,"
                + " max(close) FILTER (WHERE symbol = 'PFCUSDT') AS x FROM m GROUP BY d HAVING count(*) = 3");
        exec(db, "CREATE TABLE r AS SELECT t.d, ln(t.a / y.a) AS ra, ln(t.b / y.b) AS rb, ln(t.x / y.x) AS rc FROM c t JOIN c y ON y.d = t.d - 1");
    }

    private static String rho(String x, String y) {
        return "SELECT sum(lw * " + x + " * " + y + ") / sqrt(sum(lw * " + x + " * " + x + ") * sum(lw * " + y + " * " + y + ")) FROM p";
    }

    private static String hsSql(String window, double tail) {
        return "SELECT -r FROM (SELECT r, row_number() OVER (ORDER BY r) AS k, count(*) OVER () AS n FROM " + window + ")"
                + " WHERE k = greatest(1, ceil(" + tail + " * n - 1e-9))";
    }

    private static String esSql(String window, double tail) {
        return "SELECT -avg(r) FROM " + window + " WHERE r <= -(" + hsSql(window, tail) + ")";
    }

    private Path table(String name) throws Exception {
        return Files.write(tmp.resolve(name + ".json"), store.get(AnalyticsKeys.portfolioKey(name)).orElseThrow());
    }

    /** Every stored day's metrics file of the three symbols, through its pointer and manifest, as a DuckDB list. */
    private String metricsFiles() throws Exception {
        List<String> paths = new ArrayList<>();
        for (String s : SYMBOLS) {
            for (int d = 0; d < DAYS; d++) {
                if (s.equals("PFBUSDT") && d == MISSING) continue;
                paths.add("'" + Files.write(tmp.resolve(s + d + ".parquet"), metricsFile(s, D0.plusDays(d))) + "'");
            }
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

package dev.riskplatform.batch;

import dev.riskplatform.batch.bench.DailyMetricsBench;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Not a test: the speed of {@code POST /runs} over a year of one symbol's 1-minute bars on S3Proxy (issue
 * "Risk numbers a desk can use", item 5), beside DuckDB computing the daily metrics from the same raw Parquet
 * files on local disk. Opt-in: {@code bench/run-year-run.sh [repeats] [days] [symbols]} (figures in BENCHMARKS.md).
 * Properties: {@code year.days} (365), {@code year.repeats} (3), {@code year.symbols} (1; several symbols' years are
 * written, then run as one market run, {@code POST /runs?symbols=…} followed to its end, as the all-symbol CronJob runs
 * them: {@code batch.symbol-concurrency} at a time).
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
@EnabledIfSystemProperty(named = "year.harness", matches = "true")
class YearRunHarness extends BatchTestBase {

    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TestHTTPResource("/runs")
    URL runs;

    @Test
    void yearThroughPostRuns() throws Exception {
        int days = Integer.getInteger("year.days", 365), repeats = Integer.getInteger("year.repeats", 3);
        int symbols = Integer.getInteger("year.symbols", 1);
        LocalDate last = FIRST.plusDays(days - 1);
        Path local = Files.createTempDirectory("year-raw");
        long t = System.nanoTime();
        for (int s = 0; s < symbols; s++) writeYear("YEAR" + s + "USDT", days, s == 0 ? local : null);
        System.out.printf("RESULT wrote %d symbol(s) x %d days of raw bars in %.1f s%n", symbols, days, (System.nanoTime() - t) / 1e9);
        double[] runs = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long start = System.nanoTime();
            double[] cpu = cpuSeconds();
            if (symbols == 1) postRun("YEAR0USDT", last);
            else postMarketRun(symbols, last);
            runs[i] = (System.nanoTime() - start) / 1e9;
            double[] cpuAfter = cpuSeconds();
            System.out.printf("RESULT POST /runs %d symbol(s) x %d days, run %d (%s): %.2f s, %.1f days/s; CPU %.1f s this JVM"
                            + " (service, broker), %.1f s S3Proxy%n", symbols, days, i + 1, i == 0 ? "first" : "re-run", runs[i],
                    symbols * days / runs[i], cpuAfter[0] - cpu[0], cpuAfter[1] - cpu[1]);
        }
        DailyMetricsBench.report("POST /runs, " + symbols + " symbol(s) x " + days + " days", runs);
        duckdb(local, repeats);
    }

    /**
     * CPU seconds so far of this JVM and of its child processes (S3Proxy): the work a run costs, which a busy machine
     * changes far less than the wall time.
     */
    private static double[] cpuSeconds() {
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        double children = ProcessHandle.current().descendants()
                .mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0)).sum();
        return new double[] {os.getProcessCpuTime() / 1e9, children};
    }

    /** POST /runs as an operator sends it; no client timeout (the slow case is what is measured). */
    private void postRun(String symbol, LocalDate last) throws Exception {
        URI uri = URI.create(runs + "?symbol=" + symbol + "&from=" + FIRST + "&to=" + last);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("POST /runs answered " + r.statusCode() + ": " + r.body());
    }

    /** POST /runs?symbols=YEAR0USDT,… then GET /runs/{id} until it is no longer running; it must exit 0. */
    private void postMarketRun(int symbols, LocalDate last) throws Exception {
        String list = java.util.stream.IntStream.range(0, symbols).mapToObj(s -> "YEAR" + s + "USDT")
                .collect(java.util.stream.Collectors.joining(","));
        URI uri = URI.create(runs + "?symbols=" + list + "&from=" + FIRST + "&to=" + last);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 202) throw new IllegalStateException("POST /runs answered " + r.statusCode() + ": " + r.body());
        URI status = URI.create(runs + "/" + io.restassured.path.json.JsonPath.from(r.body()).getString("id"));
        while (true) {
            Thread.sleep(200);
            var p = io.restassured.path.json.JsonPath.from(HTTP.send(HttpRequest.newBuilder(status).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if ("running".equals(p.getString("state"))) continue;
            if (p.getInt("exitCode") != 0) throw new IllegalStateException("market run ended with " + p.prettify());
            return;
        }
    }

    /** Raw days as the ingestor writes them; symbol 0's files are also kept locally for the DuckDB peer. */
    private void writeYear(String symbol, int days, Path local) throws Exception {
        double price = 40_000;
        for (int d = 0; d < days; d++) {
            LocalDate date = FIRST.plusDays(d);
            List<RawBar> bars = BatchFixtures.day(symbol, date, 1_000L * symbol.hashCode() + d, price);
            price = bars.get(bars.size() - 1).close();
            byte[] parquet = BatchFixtures.parquet(bars);
            writer.replace(PartitionKeys.barsPrefix(symbol, BatchFixtures.M1, date), List.of(parquet));
            if (local != null) Files.write(local.resolve(date + ".parquet"), parquet);
        }
    }

    /** DuckDB (2 threads) computing the daily metrics from the same files, local disk: a floor, not the same path. */
    private static void duckdb(Path local, int repeats) throws Exception {
        List<Double> times = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            db.createStatement().execute("SET threads=2");
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                DailyMetricsBench.duckdb(db, local.resolve("*.parquet"));
                times.add((System.nanoTime() - start) / 1e9);
            }
        }
        DailyMetricsBench.report("duckdb threads=2, same raw files on local disk", times.stream().mapToDouble(x -> x).toArray());
    }
}

package dev.riskplatform.batch.bench;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.DailyRiskCalculator;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.core.risk.DayBars;
import dev.riskplatform.core.risk.DayCompleteness;
import dev.riskplatform.core.risk.DayScores;
import dev.riskplatform.io.BarColumnsParquet;
import dev.riskplatform.io.BarParquet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Not a test: one year of 1-minute bars (525,600 rows) in one local Parquet file → daily metrics
 * (OHLC, realized volatility, max drawdown, VaR/ES 95 and 99), ours vs DuckDB SQL (1 and 2 threads)
 * over the same file. Prints the median wall time of each. Run by bench/run-batch-bench.sh.
 * Args: parquet path, repeats.
 */
public final class DailyMetricsBench {

    static final LocalDate FIRST = LocalDate.of(2025, 1, 1);
    static final int DAYS = 365;

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int repeats = Integer.parseInt(args[1]);
        if (!Files.exists(file)) Files.write(file, new BarParquet().write(year()));
        writeFlatCopy(file, Path.of(file + ".bin"));
        double checkOurs = 0;
        double[] ours = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            List<DailyRiskMetrics> m = ours(Files.readAllBytes(file));
            ours[i] = (System.nanoTime() - t) / 1e9;
            checkOurs = m.stream().mapToDouble(x -> x.intraday1m().var95()).sum();
        }
        report("ours (BarColumnsParquet + DailyRiskCalculator, 1 thread)", ours);
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:")) {
            for (int threads : new int[]{1, 2}) {
                try (Statement st = db.createStatement()) {
                    st.execute("SET threads=" + threads);
                }
                double[] times = new double[repeats];
                double checkDuck = 0;
                for (int i = 0; i < repeats; i++) {
                    long t = System.nanoTime();
                    checkDuck = duckdb(db, file);
                    times[i] = (System.nanoTime() - t) / 1e9;
                }
                report("duckdb threads=" + threads, times);
                System.out.printf("check: sum of var95 ours %.12f duckdb %.12f%n", checkOurs, checkDuck);
            }
        }
    }

    /** risk-io's columnar bar reader, split into UTC days, risk-core's calculator per day. */
    static List<DailyRiskMetrics> ours(byte[] parquet) {
        BarColumnsParquet.BarColumns b = BarColumnsParquet.read(parquet);
        List<DailyRiskMetrics> out = new ArrayList<>(DAYS);
        int from = 0, n = b.size();
        while (from < n) {
            long day = Math.floorDiv(b.openTime()[from], 86_400_000L);
            int to = from;
            while (to < n && Math.floorDiv(b.openTime()[to], 86_400_000L) == day) to++;
            DayBars d = new DayBars(Arrays.copyOfRange(b.openTime(), from, to), Arrays.copyOfRange(b.open(), from, to),
                    Arrays.copyOfRange(b.high(), from, to), Arrays.copyOfRange(b.low(), from, to),
                    Arrays.copyOfRange(b.close(), from, to));
            out.add(DailyRiskCalculator.compute("BTCUSDT", LocalDate.ofEpochDay(day), d, new double[0],
                    new DayScores(0, null, "none", 0), new DayCompleteness(d.size(), 1440, 0, 0)));
            from = to;
        }
        return out;
    }

    public static double duckdb(Connection db, Path file) throws Exception {
        String sql = """
                WITH b AS (SELECT openTime, open, high, low, close, openTime // 86400000 AS d FROM read_parquet('%s')),
                r AS (SELECT *, ln(close / lag(close) OVER w) AS r,
                             max(close) OVER (PARTITION BY d ORDER BY openTime ROWS UNBOUNDED PRECEDING) AS peak
                      FROM b WINDOW w AS (PARTITION BY d ORDER BY openTime)),
                q AS (SELECT d, quantile_disc(r, 0.05) AS q95, quantile_disc(r, 0.01) AS q99 FROM r WHERE r IS NOT NULL GROUP BY d)
                SELECT r.d, arg_min(open, openTime), max(high), min(low), arg_max(close, openTime),
                       sqrt(sum(r * r)) * sqrt(365), max(1 - close / peak),
                       -any_value(q95), -avg(r) FILTER (WHERE r <= q95), -any_value(q99), -avg(r) FILTER (WHERE r <= q99)
                FROM r JOIN q USING (d) GROUP BY r.d ORDER BY r.d""".formatted(file);
        double check = 0;
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) check += rs.getDouble(8);
        }
        return check;
    }

    /**
     * The same bars as flat little-endian records (int64 openTime, float64 open, high, low, close) for
     * the pandas peer: Debian's python3 has no Parquet engine (no pyarrow/fastparquet), and a flat file
     * is the cheapest possible input for it, so the comparison favours pandas.
     */
    static void writeFlatCopy(Path parquet, Path bin) throws Exception {
        List<Bar> bars = new BarParquet().read(Files.readAllBytes(parquet));
        java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(bars.size() * 40).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (Bar b : bars) buf.putLong(b.openTime()).putDouble(b.open()).putDouble(b.high()).putDouble(b.low()).putDouble(b.close());
        Files.write(bin, buf.array());
    }

    /** Seeded random walk, 0.05 % per minute, from 40,000. */
    static List<Bar> year() {
        Random rnd = new Random(42);
        BarInterval m1 = BarInterval.parse("1m");
        long start = FIRST.toEpochDay() * 86_400_000L;
        List<Bar> bars = new ArrayList<>(DAYS * 1440);
        double p = 40_000;
        for (int i = 0; i < DAYS * 1440; i++) {
            double o = p;
            p *= Math.exp(0.0005 * rnd.nextGaussian());
            long t = start + i * 60_000L;
            bars.add(new Bar("BTCUSDT", m1, t, t + 59_999, o, Math.max(o, p) * 1.0002, Math.min(o, p) * 0.9998, p,
                    1, p, p, 1, i, i, false));
        }
        return bars;
    }

    public static void report(String name, double[] seconds) {
        double[] s = seconds.clone();
        Arrays.sort(s);
        System.out.printf("RESULT %s: median %.3f s (runs %s)%n", name, s[s.length / 2], Arrays.toString(seconds));
    }
}

package dev.riskplatform.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Every metric against a plain, deliberately naive reference written from the definitions. */
class DailyRiskCalculatorTest {

    private static final double TOL = 1e-12;

    /** Gap bars (close = previous close) add no observation: same metrics as the real bars alone. */
    @Test
    void gapBarsAreDroppedBeforeEveryMetric() {
        long[] t = {0, 60_000, 120_000, 180_000, 240_000, 300_000};
        double[] c = {100, 100, 101, 101, 101, 99};
        boolean[] g = {true, false, false, true, true, false}; // a leading gap (carried close) and two inside
        double[] o = {100, 99.5, 100, 101, 101, 101};
        double[] h = {100, 100.2, 101, 101, 101, 101};
        double[] l = {100, 99.4, 100, 101, 101, 99};
        DayBars withGaps = new DayBars(t, o, h, l, c, g);
        DayBars real = new DayBars(new long[] {60_000, 120_000, 300_000}, new double[] {99.5, 100, 101},
                new double[] {100.2, 101, 101}, new double[] {99.4, 100, 99}, new double[] {100, 101, 99});
        double[] history = new double[DailyRiskCalculator.HISTORY_DAYS];
        java.util.Arrays.fill(history, Double.NaN);
        DayScores scores = new DayScores(0, 0.1, "m", 1);
        DailyRiskMetrics a = DailyRiskCalculator.compute("BTCUSDT", LocalDate.of(2024, 1, 1), withGaps, history, scores,
                new DayCompleteness(3, 1440, 0, 0));
        DailyRiskMetrics b = DailyRiskCalculator.compute("BTCUSDT", LocalDate.of(2024, 1, 1), real, history, scores,
                new DayCompleteness(3, 1440, 0, 0));
        assertEquals(b, a);
        assertEquals(99.5, a.open());
        // two returns, ln(101/100) and ln(99/101) (across the two gap bars, once): VaR95 = −ln(99/101)
        assertEquals(-Math.log(99.0 / 101.0), a.intraday1m().var95(), TOL);
        assertEquals(Math.sqrt((Math.pow(Math.log(1.01), 2) + Math.pow(Math.log(99.0 / 101.0), 2)) * 365), a.realizedVolatility(), TOL);
    }

    @Test
    void metricsMatchPlainReferenceOnRandomDays() {
        Random rnd = new Random(7);
        for (int trial = 0; trial < 20; trial++) {
            DayBars bars = randomDay(rnd, 2 + rnd.nextInt(1439));
            double[] history = randomHistory(rnd, DailyRiskCalculator.HISTORY_DAYS, trial % 3 == 0 ? 0.2 : 0.0);
            DailyRiskMetrics m = DailyRiskCalculator.compute("BTCUSDT", LocalDate.of(2024, 1, 1), bars, history,
                    new DayScores(1, 0.7, "m", 3), new DayCompleteness(bars.size(), 1440, 2, 1));
            List<Double> r = refReturns(bars.close());
            close(IntStream.range(0, bars.size()).mapToDouble(i -> bars.high()[i]).max().orElseThrow(), m.high());
            close(IntStream.range(0, bars.size()).mapToDouble(i -> bars.low()[i]).min().orElseThrow(), m.low());
            close(Math.sqrt(r.stream().mapToDouble(x -> x * x).sum() * 365), m.realizedVolatility());
            close(refDrawdown(bars.close()), m.maxDrawdown());
            close(refVar(r, 0.05), m.intraday1m().var95());
            close(refEs(r, 0.05), m.intraday1m().es95());
            close(refVar(r, 0.01), m.intraday1m().var99());
            close(refEs(r, 0.01), m.intraday1m().es99());
            closeOrNull(refSma(history, m.close(), 7), m.sma7());
            closeOrNull(refSma(history, m.close(), 30), m.sma30());
            closeOrNull(refEma(history, m.close(), 7), m.ema7());
            closeOrNull(refEma(history, m.close(), 30), m.ema30());
            closeOrNull(Double.isNaN(history[history.length - 1]) ? null : Math.log(m.close() / history[history.length - 1]), m.logReturn());
            assertEquals(1440 - bars.size(), m.gaps());
        }
    }

    @Test
    void oneBarDayHasNoReturnMetricsAndNoHistoryHasNoTrend() {
        DayBars one = new DayBars(new long[]{0}, new double[]{10}, new double[]{11}, new double[]{9}, new double[]{10.5});
        DailyRiskMetrics m = DailyRiskCalculator.compute("BTCUSDT", LocalDate.of(2024, 1, 1), one, new double[0],
                new DayScores(0, null, "m", 1), new DayCompleteness(1, 1440, 0, 0));
        assertNull(m.intraday1m().var95());
        assertNull(m.realizedVolatility());
        assertNull(m.logReturn());
        assertNull(m.sma7());
        assertNull(m.ema7());
        assertEquals(0.0, m.maxDrawdown());
    }

    // ---- plain references ----

    private static List<Double> refReturns(double[] c) {
        List<Double> r = new ArrayList<>();
        for (int i = 1; i < c.length; i++) r.add(Math.log(c[i]) - Math.log(c[i - 1]));
        return r;
    }

    /** O(n²): the largest fall from any earlier close to any later close, relative to the earlier one. */
    private static double refDrawdown(double[] c) {
        double worst = 0;
        for (int i = 0; i < c.length; i++) for (int j = i; j < c.length; j++) worst = Math.max(worst, (c[i] - c[j]) / c[i]);
        return worst;
    }

    /** Lower empirical quantile: the smallest return x with at least tail × n returns ≤ x. */
    private static double refVar(List<Double> r, double tail) {
        List<Double> s = r.stream().sorted(Comparator.naturalOrder()).toList();
        for (double x : s) {
            long atOrBelow = s.stream().filter(y -> y <= x).count();
            if (atOrBelow >= tail * s.size() - 1e-9) return -x;
        }
        throw new AssertionError();
    }

    private static double refEs(List<Double> r, double tail) {
        double q = -refVar(r, tail);
        return -r.stream().filter(y -> y <= q).mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    private static Double refSma(double[] h, double close, int n) {
        double sum = close;
        for (int k = 1; k < n; k++) {
            double v = h[h.length - k];
            if (Double.isNaN(v)) return null;
            sum += v;
        }
        return sum / n;
    }

    private static Double refEma(double[] h, double close, int n) {
        List<Double> xs = new ArrayList<>();
        for (int k = 3 * n - 1; k >= 1; k--) if (!Double.isNaN(h[h.length - k])) xs.add(h[h.length - k]);
        xs.add(close);
        if (xs.size() < n) return null;
        double e = xs.subList(0, n).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        for (double x : xs.subList(n, xs.size())) e = e + 2.0 / (n + 1) * (x - e);
        return e;
    }

    // ---- data ----

    private static DayBars randomDay(Random rnd, int n) {
        long[] t = new long[n];
        double[] o = new double[n], h = new double[n], l = new double[n], c = new double[n];
        double p = 30_000;
        for (int i = 0; i < n; i++) {
            t[i] = i * 60_000L;
            o[i] = p;
            p *= Math.exp(0.001 * rnd.nextGaussian());
            c[i] = p;
            h[i] = Math.max(o[i], c[i]) * (1 + rnd.nextDouble() * 1e-3);
            l[i] = Math.min(o[i], c[i]) * (1 - rnd.nextDouble() * 1e-3);
        }
        return new DayBars(t, o, h, l, c);
    }

    private static double[] randomHistory(Random rnd, int days, double missingRate) {
        double[] h = new double[days];
        double p = 30_000;
        for (int j = 0; j < days; j++) {
            p *= Math.exp(0.03 * rnd.nextGaussian());
            h[j] = rnd.nextDouble() < missingRate ? Double.NaN : p;
        }
        return h;
    }

    private static void close(double expected, Double actual) {
        assertEquals(expected, actual, TOL * Math.max(1, Math.abs(expected)));
    }

    private static void closeOrNull(Double expected, Double actual) {
        if (expected == null) assertNull(actual);
        else close(expected, actual);
    }
}

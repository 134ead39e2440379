package dev.riskplatform.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.riskplatform.core.portfolio.Portfolio.Position;
import dev.riskplatform.core.portfolio.Portfolio.Sizing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PortfolioRisks} against numpy/scipy (Debian's /usr/bin/python3, as OneDayRiskNumpyTest): three symbols of
 * 320 random daily closes, each missing some days, held in quantities. numpy recomputes, from the closes matrix
 * alone, a short-history day and the last days: the common-day window, value weights, the exact portfolio log
 * returns and their {@code quantile(method="inverted_cdf")} (lower empirical quantile) and tail mean, the EWMA
 * covariance with weights 0.94^m, σ_p = sqrt(wᵀΣw), scipy's normal VaR/ES, the Euler component VaRs and ρ.
 */
class PortfolioRiskNumpyTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final LocalDate D0 = LocalDate.of(2024, 1, 1);
    private static final double[] QUANTITIES = {0.5, 8, 3000};
    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np",
            "from scipy.stats import norm",
            "c = np.loadtxt(sys.argv[1]); q = np.array([float(x) for x in sys.argv[2].split(',')])",
            "days = [int(x) for x in sys.argv[3].split(',')]",
            "r = np.vstack([np.full(c.shape[1], np.nan), np.log(c[1:] / c[:-1])])   # r[t] = ln(c[t] / c[t-1])",
            "for d in days:",
            "    win = r[max(0, d - 249):d + 1]; win = win[~np.isnan(win).any(axis=1)]",
            "    w = q * c[d] / (q * c[d]).sum()",
            "    rp = np.log(np.exp(win) @ w); out = [len(win), (q * c[d]).sum()]",
            "    for p in (0.95, 0.99):",
            "        v = np.quantile(rp, 1 - p, method='inverted_cdf'); out += [-v, -rp[rp <= v].mean()]",
            "    lw = 0.94 ** np.arange(len(win))[::-1]; cov = (win.T * lw) @ win / lw.sum()",
            "    s = np.sqrt(w @ cov @ w); out.append(s)",
            "    for p in (0.95, 0.99):",
            "        z = norm.ppf(p); out += [z * s, s * norm.pdf(z) / (1 - p)]",
            "    out += list(w * (cov @ w) / s * norm.ppf(0.99)) + list(w * (cov @ w) / s ** 2)",
            "    sd = np.sqrt(np.diag(cov)); out += list((cov / np.outer(sd, sd)).ravel())",
            "    print(' '.join(repr(float(x)) for x in out))");

    @TempDir
    Path dir;

    @Test
    void matchesNumpyOnRandomHistories() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import numpy, scipy")) != null,
                PYTHON + " cannot import numpy and scipy: install python3-numpy python3-scipy (apt-get) to run this test");
        Random rnd = new Random(17);
        int n = 320;
        List<TreeMap<LocalDate, Double>> closes = List.of(walk(rnd, n, 30_000, 0.03), walk(rnd, n, 2_000, 0.05), walk(rnd, n, 0.4, 0.02));
        Portfolio p = new Portfolio("p", Sizing.QUANTITY, List.of(new Position("BTC", QUANTITIES[0]), new Position("ETH", QUANTITIES[1]),
                new Position("XRP", QUANTITIES[2])));
        Map<LocalDate, PortfolioRisk> ours = new TreeMap<>();
        PortfolioRisks.of(p, Map.of("BTC", closes.get(0), "ETH", closes.get(1), "XRP", closes.get(2))).forEach(r -> ours.put(r.date(), r));
        List<Integer> days = List.of(60, n - 3, n - 2, n - 1);
        List<double[]> ref = numpy(closes, n, days);
        assertTrue(ours.get(D0.plusDays(60)).windowDays() < 60, "day 60: a short history, less the missing days");
        assertTrue(ours.get(D0.plusDays(n - 1)).windowDays() < 250, "the last day's 250 days miss some common days");
        for (int i = 0; i < days.size(); i++) {
            PortfolioRisk r = ours.get(D0.plusDays(days.get(i)));
            double[] mine = flat(r);
            assertEquals(ref.get(i).length, mine.length);
            for (int k = 0; k < mine.length; k++) assertEquals(ref.get(i)[k], mine[k], 1e-12 * Math.max(1, Math.abs(ref.get(i)[k])), "day " + days.get(i) + " value " + k);
        }
    }

    /** The values in the script's order: n, V, HS 95/99, σ, EWMA 95/99, CVaR99 and shares per symbol, ρ row-major. */
    private static double[] flat(PortfolioRisk r) {
        List<Double> v = new ArrayList<>(List.of((double) r.windowDays(), r.value(), r.historical().var95(), r.historical().es95(),
                r.historical().var99(), r.historical().es99(), r.ewmaSigma(), r.ewma().var95(), r.ewma().es95(), r.ewma().var99(), r.ewma().es99()));
        r.components().forEach(c -> v.add(c.var99()));
        r.components().forEach(c -> v.add(c.share()));
        for (Double[] row : r.correlation()) v.addAll(Arrays.asList(row));
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<double[]> numpy(List<TreeMap<LocalDate, Double>> closes, int n, List<Integer> days) throws Exception {
        List<String> lines = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            List<String> row = new ArrayList<>();
            for (TreeMap<LocalDate, Double> c : closes) row.add(String.valueOf(c.getOrDefault(D0.plusDays(t), Double.NaN)).replace("NaN", "nan"));
            lines.add(String.join(" ", row));
        }
        Path file = Files.write(dir.resolve("closes.txt"), lines);
        String q = String.join(",", Arrays.stream(QUANTITIES).mapToObj(Double::toString).toList());
        String out = run(List.of(PYTHON, "-c", SCRIPT, file.toString(), q, String.join(",", days.stream().map(String::valueOf).toList())));
        if (out == null) throw new AssertionError("the numpy script failed (its stderr is above)");
        return out.lines().map(l -> Arrays.stream(l.trim().split(" ")).mapToDouble(Double::parseDouble).toArray()).toList();
    }

    /** stdout of the command, or null when it failed. */
    private String run(List<String> cmd) throws Exception {
        Path out = Files.createTempFile(dir, "py", ".txt");
        Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
        return Files.readString(out);
    }

    /** A random walk of n days from D0 with daily volatility {@code vol}; ~4 % of days missing, never the last three. */
    private static TreeMap<LocalDate, Double> walk(Random rnd, int n, double start, double vol) {
        TreeMap<LocalDate, Double> c = new TreeMap<>();
        double p = start;
        for (int t = 0; t < n; t++) {
            p *= Math.exp(vol * rnd.nextGaussian());
            if (t >= n - 3 || t == 60 || rnd.nextDouble() >= 0.04) c.put(D0.plusDays(t), p);
        }
        return c;
    }
}

package dev.riskplatform.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 1-day VaR/ES of {@link DailyRiskCalculator} against numpy/scipy (Debian's /usr/bin/python3, as
 * SklearnParityTest): 251 random daily closes with missing days, the last one "today". numpy's
 * {@code quantile(method="inverted_cdf")} is the lower empirical quantile; EWMA weights and normal quantiles
 * come from numpy and scipy.stats.norm.
 */
class OneDayRiskNumpyTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String SCRIPT = String.join("\n",
            "import sys, numpy as np",
            "from scipy.stats import norm",
            "c = np.loadtxt(sys.argv[1])",
            "r = np.log(c[1:] / c[:-1]); r = r[~np.isnan(r)]",
            "out = [len(r)]",
            "for p in (0.95, 0.99):",
            "    q = np.quantile(r, 1 - p, method='inverted_cdf'); out += [-q, -r[r <= q].mean()]",
            "w = 0.94 ** np.arange(len(r))[::-1]; s = np.sqrt((w * r * r).sum() / w.sum()); out.append(s)",
            "for p in (0.95, 0.99):",
            "    z = norm.ppf(p); out += [z * s, s * norm.pdf(z) / (1 - p)]",
            "print(' '.join(repr(float(x)) for x in out))");

    @TempDir
    Path dir;

    @Test
    void matchesNumpyOnRandomHistories() throws Exception {
        assumeTrue(Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import numpy, scipy"), null) != null,
                PYTHON + " cannot import numpy and scipy: install python3-numpy python3-scipy (apt-get) to run this test");
        Random rnd = new Random(11);
        for (int trial = 0; trial < 5; trial++) {
            double[] closes = closes(rnd, DailyRiskCalculator.HISTORY_DAYS + 1, trial * 0.05);
            double[] history = java.util.Arrays.copyOf(closes, closes.length - 1);
            OneDayRisk ours = DailyRiskCalculator.compute("X", java.time.LocalDate.of(2024, 1, 1), oneBar(closes[closes.length - 1]),
                    history, new DayScores(0, null, "m", 1), new DayCompleteness(1, 1440, 0, 0)).oneDay();
            double[] ref = numpy(closes);
            assertEquals((int) ref[0], ours.windowDays());
            double[] mine = {ours.historical().var95(), ours.historical().es95(), ours.historical().var99(), ours.historical().es99(),
                    ours.ewmaSigma(), ours.ewma().var95(), ours.ewma().es95(), ours.ewma().var99(), ours.ewma().es99()};
            for (int i = 0; i < mine.length; i++) assertEquals(ref[i + 1], mine[i], 1e-13, "trial " + trial + " value " + i);
        }
    }

    private double[] numpy(double[] closes) throws Exception {
        List<String> lines = new ArrayList<>();
        for (double c : closes) lines.add(Double.isNaN(c) ? "nan" : Double.toString(c));
        Path file = Files.write(dir.resolve("closes.txt"), lines);
        String out = run(List.of(PYTHON, "-c", SCRIPT, file.toString()), dir.resolve("out.txt"));
        return java.util.Arrays.stream(out.trim().split(" ")).mapToDouble(Double::parseDouble).toArray();
    }

    /** stdout of the command, or null when it failed. */
    private static String run(List<String> cmd, Path stdout) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        Path out = stdout != null ? stdout : Files.createTempFile("py", ".txt");
        Process p = pb.redirectOutput(out.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) return null;
        return Files.readString(out);
    }

    private static double[] closes(Random rnd, int n, double missing) {
        double[] c = new double[n];
        double p = 30_000;
        for (int i = 0; i < n; i++) {
            p *= Math.exp(0.03 * rnd.nextGaussian());
            c[i] = i < n - 1 && rnd.nextDouble() < missing ? Double.NaN : p;
        }
        return c;
    }

    private static DayBars oneBar(double close) {
        return new DayBars(new long[] {0}, new double[] {close}, new double[] {close}, new double[] {close}, new double[] {close});
    }
}

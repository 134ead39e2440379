package dev.riskplatform.core.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.scoring.Threshold;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fits scikit-learn's IsolationForest with Debian's python (the pyenv python3 on PATH has no
 * sklearn), converts it with tools/sklearn_to_riskplatform.py, loads it here, and checks that
 * every score and the contamination threshold agree with sklearn's.
 */
class SklearnParityTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final int TRAIN = 2_000;
    private static final int D = 4;

    @TempDir
    static Path dir;

    @BeforeAll
    static void requireSklearn() throws Exception {
        boolean ok = Files.isExecutable(Path.of(PYTHON)) && run(List.of(PYTHON, "-c", "import sklearn, joblib")) == 0;
        assumeTrue(ok, PYTHON + " cannot import sklearn: install python3-sklearn (apt-get) to run the parity test");
    }

    @ParameterizedTest(name = "max_features={0}")
    @ValueSource(strings = {"1.0", "0.5"}) // 0.5: trees see feature subsets, mapped by estimators_features_
    void javaScoresMatchSklearnScoreSamples(String maxFeatures) throws Exception {
        double[] train = rows(TRAIN, 101);
        double[] probe = probeRows(train);
        Path trainCsv = writeCsv(dir.resolve("train.csv"), train);
        Path probeCsv = writeCsv(dir.resolve("probe.csv"), probe);
        Path model = dir.resolve("model-" + maxFeatures + ".json");
        Path scores = dir.resolve("scores-" + maxFeatures + ".txt");
        int rc = run(List.of(PYTHON, tool().toString(), trainCsv.toString(), probeCsv.toString(), model.toString(),
                scores.toString(), "--trees", "100", "--max-samples", "256", "--seed", "7", "--contamination", "0.05",
                "--max-features", maxFeatures));
        assertEquals(0, rc, "sklearn_fit_and_score.py failed, see the test output");

        ModelArtifact artifact;
        try (InputStream in = Files.newInputStream(model)) {
            artifact = ModelArtifact.read(in, FeatureSpec.v1Defaults());
        }
        List<String> lines = Files.readAllLines(scores);
        int n = probe.length / D;
        double[] ours = new double[n];
        artifact.model().score(probe, n, ours);
        for (int r = 0; r < n; r++) {
            assertEquals(Double.parseDouble(lines.get(r)), ours[r], 1e-6, "row " + r);
        }
        double offset = Double.parseDouble(lines.get(n).substring("offset ".length()));
        assertEquals(-offset, artifact.threshold().value(), 1e-12, "threshold carried from offset_");

        double[] trainScores = new double[TRAIN];
        artifact.model().score(train, TRAIN, trainScores);
        assertEquals(-offset, Threshold.fromContamination(trainScores, 0.05).value(), 1e-6,
                "our contamination quantile reproduces sklearn's offset_");
    }

    /** The training rows plus 200 unseen rows, every 7th value blown up 10x to reach short paths. */
    private static double[] probeRows(double[] train) {
        double[] extra = rows(200, 202);
        for (int i = 0; i < extra.length; i += 7) extra[i] *= 10;
        double[] all = new double[train.length + extra.length];
        System.arraycopy(train, 0, all, 0, train.length);
        System.arraycopy(extra, 0, all, train.length, extra.length);
        return all;
    }

    private static double[] rows(int n, long seed) {
        Random r = new Random(seed);
        double[] x = new double[n * D];
        for (int i = 0; i < x.length; i++) {
            // mixed scales like real features: tiny returns, positive volatility, z-scores, momentum
            double g = r.nextGaussian();
            x[i] = switch (i % D) {
                case 0 -> 1e-3 * g;
                case 1 -> Math.abs(2e-3 * g) + 1e-4;
                case 2 -> g;
                default -> 0.01 * g;
            };
        }
        return x;
    }

    private static Path writeCsv(Path file, double[] x) throws IOException {
        StringBuilder sb = new StringBuilder(String.join(",", FeatureSpec.V1_FEATURE_NAMES)).append('\n');
        for (int r = 0; r < x.length / D; r++) {
            for (int f = 0; f < D; f++) sb.append(f == 0 ? "" : ",").append(x[r * D + f]);
            sb.append('\n');
        }
        return Files.writeString(file, sb, StandardCharsets.UTF_8);
    }

    private static Path tool() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path t = p.resolve("tools/sklearn_fit_and_score.py");
            if (Files.exists(t)) return t;
        }
        throw new IllegalStateException("tools/sklearn_fit_and_score.py not found above " + Path.of("").toAbsolutePath());
    }

    private static int run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("timed out: " + cmd);
        }
        return p.exitValue();
    }
}

package dev.riskplatform.evaluation;

import dev.riskplatform.core.features.FeatureMatrix;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * scikit-learn's IsolationForest on the same feature rows, through Debian's python3-sklearn
 * ({@code /usr/bin/python3}, not whatever python3 is on PATH). Rows travel as raw float64.
 */
final class SklearnBaseline {

    static final String PYTHON = "/usr/bin/python3";

    private SklearnBaseline() {
    }

    /** Fitted on {@code train}, scores of the rows of {@code m}. */
    static double[] scores(FeatureMatrix train, FeatureMatrix m, int trees, int maxSamples, long seed) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sklearn-eval");
        Path script = dir.resolve("sklearn_iforest_scores.py"), in = dir.resolve("x.bin"), fit = dir.resolve("t.bin"), out = dir.resolve("s.bin");
        try (InputStream s = SklearnBaseline.class.getResourceAsStream("/sklearn_iforest_scores.py")) {
            Files.write(script, s.readAllBytes());
        }
        write(in, m);
        write(fit, train);
        Process p = new ProcessBuilder(List.of(PYTHON, script.toString(), in.toString(), String.valueOf(m.columns()),
                out.toString(), "--train", fit.toString(), "--trees", String.valueOf(trees), "--max-samples", String.valueOf(maxSamples),
                "--seed", String.valueOf(seed))).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("sklearn baseline failed: " + log);
        double[] scores = new double[m.rows()];
        ByteBuffer.wrap(Files.readAllBytes(out)).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(scores);
        for (Path f : List.of(script, in, fit, out)) Files.deleteIfExists(f);
        Files.deleteIfExists(dir);
        return scores;
    }

    private static void write(Path file, FeatureMatrix m) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(m.values().length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(m.values());
        Files.write(file, b.array());
    }
}

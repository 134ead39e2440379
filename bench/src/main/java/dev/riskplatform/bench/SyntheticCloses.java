package dev.riskplatform.bench;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The benchmark's input, shared with the pandas peer: a seeded geometric random walk,
 * close_i = close_{i-1} * exp(0.001 * N(0, 1)). {@code main} writes the closes and our features
 * as little-endian doubles so the peer measures, and checks, the same computation.
 */
public final class SyntheticCloses {

    public static final long SEED = 42;

    private SyntheticCloses() {}

    public static double[] generate(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] c = new double[n];
        double close = 30_000;
        for (int i = 0; i < n; i++) {
            c[i] = close;
            close *= Math.exp(0.001 * gaussian(rnd));
        }
        return c;
    }

    /** Box-Muller: SplittableRandom has no nextGaussian on Java 17. */
    private static double gaussian(SplittableRandom rnd) {
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    /** Usage: SyntheticCloses closes.bin [n]: writes closes.bin and closes.bin.features (rows x 4). */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "closes.bin");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        double[] closes = generate(n, SEED);
        FeatureMatrix m = FeatureEngine.computeAll(FeatureSpec.defaults(), new long[n], closes, null);
        write(out, closes);
        write(Path.of(out + ".features"), m.values());
        System.out.println("wrote " + n + " closes and " + m.rows() + " feature rows to " + out);
    }

    private static void write(Path path, double[] values) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(values.length * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        buf.asDoubleBuffer().put(values);
        Files.write(path, buf.array());
    }
}

package dev.riskplatform.bench;

import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.scoring.Scorer;
import dev.riskplatform.core.forest.ServedScorer;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Isolation Forest at the platform's shapes: 100 trees, ψ = 256, 1 M synthetic rows (standard normals,
 * fixed seed), {@code shape} = features:served score: the v1 forest (4 features, the forest's own score)
 * and the v2 default (6 features, tail-blend). Peer: bench/peers/sklearn_iforest.py with the same shape
 * ({@code --features 4} or {@code 6}).
 *
 * <pre>java -jar bench/target/benchmarks.jar IsolationForestBench -f 1 -wi 3 -i 5 -w 2 -r 2</pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IsolationForestBench {

    static final int ROWS = 1_000_000;
    static final IsolationForest.Params PARAMS = new IsolationForest.Params(100, 256, 42);

    @Param({"4:isolation-forest", "6:tail-blend"})
    public String shape;

    private int d;
    private double[] data;
    private double[][] singles;
    private double[] out;
    private Scorer model;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        d = Integer.parseInt(shape.substring(0, shape.indexOf(':')));
        Random r = new Random(2026);
        data = new double[ROWS * d];
        for (int i = 0; i < data.length; i++) data[i] = r.nextGaussian();
        model = ServedScorer.parse(shape.substring(shape.indexOf(':') + 1)).over(IsolationForest.fit(data, d, PARAMS));
        out = new double[ROWS];
        // distinct rows for the latency benchmark, so branch predictors cannot learn one path
        singles = new double[4096][d];
        for (int k = 0; k < singles.length; k++) System.arraycopy(data, k * 241 * d, singles[k], 0, d);
    }

    /** Batch scoring; JMH's ops/s here are rows/s. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(ROWS)
    public double[] scoreBatch() {
        model.score(data, ROWS, out);
        return out;
    }

    /** Latency of one row through the single-row path; read the p0.50 line. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public double scoreOne() {
        double[] row = singles[next++ & (singles.length - 1)];
        return model.score(row);
    }

    /** Fit 100 trees of ψ = 256 on 1 M rows, including the per-feature training stats. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public IsolationForest fit1M() {
        return IsolationForest.fit(data, d, PARAMS);
    }
}

package dev.riskplatform.bench;

import dev.riskplatform.core.model.IsolationForest;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Isolation Forest at the platform's shape: 4 features, 100 trees, ψ = 256, 1 M synthetic rows
 * (standard normals, fixed seed). Peer: bench/peers/sklearn_iforest.py with the same shape.
 *
 * <pre>java -jar bench/target/benchmarks.jar IsolationForestBench -f 1 -wi 3 -i 5 -w 2 -r 2</pre>
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class IsolationForestBench {

    static final int ROWS = 1_000_000;
    static final int D = 4;
    static final IsolationForest.Params PARAMS = new IsolationForest.Params(100, 256, 42);

    private double[] data;
    private double[][] singles;
    private double[] out;
    private IsolationForest model;
    private int next;

    @Setup(Level.Trial)
    public void setup() {
        Random r = new Random(2026);
        data = new double[ROWS * D];
        for (int i = 0; i < data.length; i++) data[i] = r.nextGaussian();
        model = IsolationForest.fit(data, D, PARAMS);
        out = new double[ROWS];
        // distinct rows for the latency benchmark, so branch predictors cannot learn one path
        singles = new double[4096][D];
        for (int k = 0; k < singles.length; k++) System.arraycopy(data, k * 241 * D, singles[k], 0, D);
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
        return IsolationForest.fit(data, D, PARAMS);
    }
}

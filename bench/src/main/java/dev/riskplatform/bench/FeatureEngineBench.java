package dev.riskplatform.bench;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Bar updates per second of the feature engine, single thread, default spec (30/30/10).
 * One invocation = one pass over 1 M synthetic closes, so the score is updates/s directly.
 * Run: java -jar bench/target/benchmarks.jar FeatureEngineBench -f 1 -wi 3 -i 5 -w 2 -r 2
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FeatureEngineBench {

    static final int N = 1_000_000;

    private final FeatureSpec spec = FeatureSpec.defaults();
    private double[] closes;
    private long[] openTimes;
    private FeatureEngine engine;
    private final double[] out = new double[4];

    @Setup
    public void setup() {
        closes = SyntheticCloses.generate(N, SyntheticCloses.SEED);
        openTimes = new long[N];
        engine = new FeatureEngine(spec);
    }

    /** Streaming: the engine lives across invocations like a long-running detector. */
    @Benchmark
    @OperationsPerInvocation(N)
    public double streamingUpdate() {
        double acc = 0;
        for (int i = 0; i < N; i++) {
            // Summing two outputs keeps the JIT from discarding the work.
            if (engine.update(closes[i], false, out, 0)) acc += out[1] + out[2];
        }
        return acc;
    }

    /** Batch: a fresh engine and a full output matrix per pass, as model training uses it. */
    @Benchmark
    @OperationsPerInvocation(N)
    public FeatureMatrix batchComputeAll() {
        return FeatureEngine.computeAll(spec, openTimes, closes, null);
    }
}

package dev.riskplatform.bench;

import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.scoring.Scorer;
import dev.riskplatform.core.forest.ServedScorer;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Random;

/**
 * The IsolationForestBench workloads timed in thread CPU time, not wall time: on a shared,
 * oversubscribed machine wall time mostly measures the other tenants. Same data, model and
 * parameters as the JMH benchmark; prints the median of several repeats after a warm-up.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.riskplatform.bench.CpuTimeCheck [4:isolation-forest | 6:tail-blend]</pre>
 */
public final class CpuTimeCheck {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) {
        String shape = args.length > 0 ? args[0] : "4:isolation-forest";
        int n = IsolationForestBench.ROWS;
        int d = Integer.parseInt(shape.substring(0, shape.indexOf(':')));
        ServedScorer served = ServedScorer.parse(shape.substring(shape.indexOf(':') + 1));
        Random r = new Random(2026);
        double[] data = new double[n * d];
        for (int i = 0; i < data.length; i++) data[i] = r.nextGaussian();
        Scorer[] model = new Scorer[1];
        long fit = median(15, 5, () -> model[0] = served.over(IsolationForest.fit(data, d, IsolationForestBench.PARAMS)));
        double[] out = new double[n];
        long batch = median(9, 3, () -> model[0].score(data, n, out));
        double[][] rows = new double[4096][d];
        for (int k = 0; k < rows.length; k++) System.arraycopy(data, k * 241 * d, rows[k], 0, d);
        double[] sink = new double[1];
        long single = median(30, 10, () -> {
            for (int k = 0; k < 100_000; k++) sink[0] += model[0].score(rows[k & 4095]);
        });
        System.out.printf("%s, %d features%nfit 1M rows: %.1f ms CPU%n", served.id(), d, fit / 1e6);
        System.out.printf("batch score: %.2f M rows/s CPU%n", n / (batch / 1e9) / 1e6);
        System.out.printf("single row:  %.0f ns CPU (mean of 100k calls)  [sink %.1f]%n", single / 1e5, sink[0]);
    }

    /** Median thread-CPU nanoseconds of {@code runs} timed runs after {@code warmup} untimed ones. */
    private static long median(int runs, int warmup, Runnable task) {
        for (int k = 0; k < warmup; k++) task.run();
        long[] t = new long[runs];
        for (int k = 0; k < runs; k++) {
            long c0 = MX.getCurrentThreadCpuTime();
            task.run();
            t[k] = MX.getCurrentThreadCpuTime() - c0;
        }
        Arrays.sort(t);
        return t[runs / 2];
    }
}

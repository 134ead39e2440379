package dev.riskplatform.bench;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.IntradayRisk;
import dev.riskplatform.core.risk.RollingIntradayRisk;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The rolling 24 h intraday risk a risk event carries, per closed 1m bar with a full day in the window (1,440
 * bars): {@link RollingIntradayRisk#onBar} against the same figures computed from the window's closes from
 * scratch (log returns, a sorted copy, {@link IntradayRisk}'s quantile and shortfall), single thread.
 * Run: java -jar bench/target/benchmarks.jar IntradayRiskBench -f 1 -wi 3 -i 5 -w 2 -r 2
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IntradayRiskBench {

    private static final BarInterval M1 = BarInterval.parse("1m");
    private static final long MIN = 60_000L;
    private static final int DAY = 1440;

    private double[] closes;
    private RollingIntradayRisk rolling;
    private long open;
    private int next;

    @Setup
    public void setup() {
        closes = SyntheticCloses.generate(100_000, SyntheticCloses.SEED);
        rolling = new RollingIntradayRisk(M1);
        for (int i = 0; i < DAY; i++) onBar();
    }

    @Benchmark
    public double rollingWindow() {
        RollingIntradayRisk.Snapshot s = onBar();
        return s.var99() + s.es99() + s.realizedVolatility();
    }

    @Benchmark
    public double fromScratch() {
        int end = next++ % (closes.length - DAY);
        double[] window = java.util.Arrays.copyOfRange(closes, end, end + DAY);
        double[] returns = IntradayRisk.logReturns(window);
        double[] sorted = IntradayRisk.sorted(returns);
        return IntradayRisk.valueAtRisk(sorted, 0.99) + IntradayRisk.expectedShortfall(sorted, 0.99)
                + IntradayRisk.realizedVolatility(returns);
    }

    private RollingIntradayRisk.Snapshot onBar() {
        double c = closes[next++ % closes.length];
        open += MIN;
        return rolling.onBar(new Bar("X", M1, open, open + MIN - 1, c, c, c, c, 1, c, c, 1, open, open, false));
    }
}

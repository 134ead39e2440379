package dev.riskplatform.core.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class FeatureEngineTest {

    private static final BarInterval M1 = BarInterval.parse("1m");

    /** Random walk with gap bars, flat stretches (zero std) and rare jumps. */
    static double[] walk(SplittableRandom rnd, int n, boolean[] gaps) {
        double[] c = new double[n];
        c[0] = 30_000;
        for (int i = 1; i < n; i++) {
            boolean flat = (i / 300) % 7 == 3; // every 2,100 bars a 300-bar flat stretch
            gaps[i] = !flat && rnd.nextInt(20) == 0;
            double step = rnd.nextInt(200) == 0 ? 0.05 * (rnd.nextDouble() - 0.5) : 0.002 * rnd.nextGaussian();
            c[i] = flat || gaps[i] ? c[i - 1] : c[i - 1] * Math.exp(step);
        }
        return c;
    }

    /** Relative 1e-12 of max(|expected|, |actual|, scale); the message is built only on failure. */
    static void assertClose(double expected, double actual, double scale, Supplier<String> what) {
        double tol = 1e-12 * Math.max(scale, Math.max(Math.abs(expected), Math.abs(actual)));
        if (!(Math.abs(expected - actual) <= tol)) fail(what.get() + ": expected " + expected + " got " + actual);
    }

    @Test
    void warmUpEndsExactlyAtTheComputedBar() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int k = 0; k < 40; k++) {
            FeatureSpec s = FeatureSpec.of(M1, 2 + rnd.nextInt(60), 2 + rnd.nextInt(60), 1 + rnd.nextInt(60));
            FeatureEngine e = new FeatureEngine(s);
            double[] out = new double[4];
            for (int i = 0; i < s.warmUpBars() + 20; i++) {
                boolean ready = e.update(100 + i % 3, false, out, 0);
                assertEquals(i >= s.warmUpBars(), ready, s + " bar index " + i);
            }
        }
        assertEquals(31, FeatureSpec.v1Defaults().warmUpBars()); // max(30, 30 + 1, 10)
    }

    @Test
    void streamingOnBarsYieldsTheFirstVectorOnBarWarmUpPlusOne() {
        FeatureEngine e = new FeatureEngine(FeatureSpec.v1Defaults());
        int firstVectorBar = -1;
        for (int i = 0; i < 100 && firstVectorBar < 0; i++) {
            double close = 100 + Math.sin(i);
            Bar b = new Bar("X", M1, i * 60_000L, i * 60_000L + 59_999, close, close, close, close, 1, close, close, 1, i, i, false);
            if (e.onBar(b) != null) firstVectorBar = i + 1;
        }
        assertEquals(e.warmUpBars() + 1, firstVectorBar);
    }

    @Test
    void matchesTheTwoPassReference() {
        SplittableRandom rnd = new SplittableRandom(42);
        for (FeatureSpec s : List.of(FeatureSpec.v1Defaults(), FeatureSpec.of(M1, 5, 12, 3), FeatureSpec.of(M1, 60, 7, 90))) {
            int n = 10_000;
            boolean[] gaps = new boolean[n];
            double[] c = walk(rnd, n, gaps);
            FeatureMatrix m = FeatureEngine.computeAll(s, new long[n], c, gaps);
            assertEquals(n - s.warmUpBars(), m.rows());
            for (int row = 0; row < m.rows(); row++) {
                double[] ref = ReferenceFeatures.at(s, c, gaps, row + s.warmUpBars());
                for (int f = 0; f < 4; f++) {
                    // z is in units of std: 1e-12 of one std is the meaningful resolution near 0.
                    int r = row, k = f;
                    assertClose(ref[f], m.get(row, f), f == 2 ? 1.0 : 0.0, () -> s + " row " + r + " feature " + k);
                }
            }
        }
    }

    @Test
    void noDriftAfterTenMillionUpdates() {
        FeatureSpec s = FeatureSpec.of(M1, 30, 50, 10);
        FeatureEngine e = new FeatureEngine(s);
        SplittableRandom rnd = new SplittableRandom(1);
        int n = 10_000_000, tail = 2_000;
        double[] last = new double[tail];
        double[] out = new double[4 * tail];
        double close = 1_000;
        for (int i = 0; i < n; i++) {
            // Volatility regimes change by 1000x to stress removal in the rolling variance.
            double sigma = ((i >> 16) & 1) == 0 ? 1e-5 : 1e-2; // tail: calm after a wild regime
            close *= Math.exp(sigma * (rnd.nextDouble() - 0.5));
            int t = i - (n - tail);
            e.update(close, false, out, Math.max(0, t) * 4);
            if (t >= 0) last[t] = close;
        }
        // Features depend on a finite history, so the reference over the tail alone is exact.
        for (int t = s.warmUpBars(); t < tail; t++) {
            double[] ref = ReferenceFeatures.at(s, last, null, t);
            for (int f = 0; f < 4; f++) {
                int row = t, k = f;
                assertClose(ref[f], out[t * 4 + f], f == 2 ? 1.0 : 0.0, () -> "tail " + row + " feature " + k);
            }
        }
    }

    @Test
    void zeroStdGivesZeroOrTheCapNeverNaN() {
        FeatureEngine e = new FeatureEngine(FeatureSpec.of(M1, 5, 5, 2));
        double[] out = new double[4];
        for (int i = 0; i < 20; i++) e.update(100, false, out, 0);
        assertArrayEquals(new double[] {0, 0, 0, 0}, out);
        e.update(101, false, out, 0);
        assertEquals(FeatureEngine.Z_CAP, out[2]);
        FeatureEngine down = new FeatureEngine(FeatureSpec.of(M1, 5, 5, 2));
        for (int i = 0; i < 20; i++) down.update(100, false, out, 0);
        down.update(99, false, out, 0);
        assertEquals(-FeatureEngine.Z_CAP, out[2]);
    }

    @Test
    void extremeInputsNeverLeaveTheEngineNonFinite() {
        double[] extremes = {Double.MIN_VALUE, Double.MAX_VALUE, 1e-300, 1e300, Double.MIN_NORMAL, 1, 1, 1, 1, 1,
                Double.MAX_VALUE, Double.MAX_VALUE, Double.MIN_VALUE, 3.5, 1e-10, 1e10};
        FeatureEngine e = new FeatureEngine(FeatureSpec.of(M1, 2, 2, 1));
        SplittableRandom rnd = new SplittableRandom(3);
        double[] out = new double[4];
        int produced = 0;
        for (int i = 0; i < 100_000; i++) {
            if (e.update(extremes[rnd.nextInt(extremes.length)], rnd.nextInt(10) == 0, out, 0)) {
                produced++;
                for (double v : out) assertTrue(Double.isFinite(v), "non-finite at " + i);
            }
        }
        assertEquals(100_000 - e.warmUpBars(), produced);
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0, -1}) {
            assertThrows(IllegalArgumentException.class, () -> e.update(bad, false, out, 0));
        }
    }

    @Test
    void batchIsBitIdenticalToStreaming() {
        SplittableRandom rnd = new SplittableRandom(99);
        int n = 5_000;
        boolean[] gaps = new boolean[n];
        double[] c = walk(rnd, n, gaps);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long open = i * 60_000L;
            bars.add(gaps[i] ? Bar.gap("X", M1, open, c[i])
                    : new Bar("X", M1, open, open + 59_999, c[i], c[i], c[i], c[i], 1, c[i], c[i], 1, i, i, false));
        }
        FeatureSpec s = FeatureSpec.v1Defaults();
        FeatureEngine stream = new FeatureEngine(s);
        List<FeatureVector> streamed = new ArrayList<>();
        for (Bar b : bars) {
            FeatureVector v = stream.onBar(b);
            if (v != null) streamed.add(v);
        }
        assertBitIdentical(streamed, FeatureEngine.computeAll(s, bars));
    }

    static void assertBitIdentical(List<FeatureVector> streamed, FeatureMatrix batch) {
        assertEquals(batch.rows(), streamed.size());
        assertFalse(streamed.isEmpty());
        for (int r = 0; r < batch.rows(); r++) {
            FeatureVector v = streamed.get(r);
            assertEquals(batch.openTimes()[r], v.openTime());
            for (int f = 0; f < batch.columns(); f++) {
                assertEquals(Double.doubleToRawLongBits(batch.get(r, f)), Double.doubleToRawLongBits(v.value(f)),
                        "row " + r + " feature " + f);
            }
        }
    }

    @Test
    void refusesABarOfAnotherInterval() {
        FeatureEngine e = new FeatureEngine(FeatureSpec.v1Defaults());
        Bar fiveMin = Bar.gap("X", BarInterval.parse("5m"), 0, 1);
        var ex = assertThrows(IllegalArgumentException.class, () -> e.onBar(fiveMin));
        assertTrue(ex.getMessage().contains("5m"));
        assertNull(e.onBar(Bar.gap("X", M1, 0, 1)));
    }
}

package dev.riskplatform.core.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Feature spec v2 (docs/features.md) against a reference written from the formulas, plus its invariances. */
class ScaleFreeFeaturesTest {

    private static final BarInterval M1 = BarInterval.parse("1m");

    /** A random OHLCV series with volatility regimes, gap bars and wicks. */
    static List<Bar> bars(SplittableRandom rnd, int n, double priceScale, double volumeScale) {
        List<Bar> out = new ArrayList<>(n);
        double logP = Math.log(100), sigma = 1e-3;
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(500) == 0) sigma = 1e-4 * Math.pow(100, rnd.nextDouble());
            double prev = Math.exp(logP) * priceScale;
            long open = 60_000L * i;
            if (i > 0 && rnd.nextInt(20) == 0) {
                out.add(Bar.gap("X", M1, open, out.get(i - 1).close()));
                continue;
            }
            logP += sigma * rnd.nextGaussian() * (rnd.nextInt(200) == 0 ? 8 : 1);
            double close = Math.exp(logP) * priceScale;
            double high = Math.max(prev, close) * Math.exp(sigma * Math.abs(rnd.nextGaussian()));
            double low = Math.min(prev, close) * Math.exp(-sigma * Math.abs(rnd.nextGaussian()));
            double volume = volumeScale * Math.exp(rnd.nextGaussian());
            long trades = 1 + rnd.nextInt(500);
            out.add(new Bar("X", M1, open, open + 59_999, prev, high, low, close, volume, volume * close, close, trades,
                    2L * i, 2L * i + 1, false));
        }
        return out;
    }

    /**
     * The formulas of docs/features.md as plain weighted sums over the whole history (no recursion
     * for the means: Σ w_k x_k / Σ w_k with w_k = (1 − a)^(t − k)), one bar at a time.
     */
    static double[][] reference(FeatureSpec s, List<Bar> bars) {
        int L = s.volatilityWindow(), S = s.zScoreWindow(), M = s.momentumWindow();
        double a = 2.0 / (L + 1), b = 2.0 / (S + 1);
        int n = bars.size();
        double[] r = new double[n], clipped = new double[n], varBefore = new double[n], products = new double[n];
        List<double[]> rows = new ArrayList<>();
        List<Double> logV = new ArrayList<>(), logT = new ArrayList<>();
        for (int t = 0; t < n; t++) {
            Bar bar = bars.get(t);
            boolean traded = !bar.gap() && bar.volume() > 0 && bar.tradeCount() > 0;
            if (t == 0) {
                if (traded) { logV.add(Math.log(bar.volume())); logT.add(Math.log(bar.tradeCount())); }
                continue;
            }
            r[t] = bar.gap() ? 0 : Math.log(bar.close() / bars.get(t - 1).close());
            varBefore[t] = weighted(clipped, 1, t - 1, a);
            products[t] = t >= 2 ? Math.PI / 2 * Math.abs(r[t]) * Math.abs(r[t - 1]) : Double.NaN;
            if (t >= s.warmUpBars()) {
                double sigma = Math.sqrt(varBefore[t]);
                double bv = weighted(products, 2, t, b);
                double[] row = {
                    r[t] / sigma,
                    bar.gap() ? 0 : Math.log(bar.high() / bar.low()) / sigma,
                    0.5 * Math.log(bv / varBefore[t]),
                    traded ? surprise(logV, Math.log(bar.volume()), a) : 0,
                    traded ? surprise(logT, Math.log(bar.tradeCount()), a) : 0,
                    Math.log(bar.close() / bars.get(t - M).close()) / (sigma * Math.sqrt(M))
                };
                rows.add(row);
            }
            clipped[t] = t > L ? Math.min(r[t] * r[t], 16 * varBefore[t]) : r[t] * r[t];
            if (traded) { logV.add(Math.log(bar.volume())); logT.add(Math.log(bar.tradeCount())); }
        }
        return rows.toArray(double[][]::new);
    }

    /** Σ w_k x_k / Σ w_k over k in [from, to], w_k = (1 − a)^(to − k). */
    private static double weighted(double[] x, int from, int to, double a) {
        double num = 0, den = 0;
        for (int k = from; k <= to; k++) {
            double w = Math.pow(1 - a, to - k);
            num += w * x[k];
            den += w;
        }
        return num / den;
    }

    /** (x − m) / s with m, s the EW mean and std of the earlier values (West's recursion written out per step). */
    private static double surprise(List<Double> xs, double x, double a) {
        double m = xs.get(0), v = 0;
        for (int k = 1; k < xs.size(); k++) {
            double d = xs.get(k) - m;
            v = (1 - a) * (v + a * d * d);
            m += a * d;
        }
        return (x - m) / Math.sqrt(v);
    }

    @Test
    void matchesTheFormulasOnRandomSeries() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (FeatureSpec s : List.of(FeatureSpec.defaults(), FeatureSpec.v2(M1, 12, 3, 20), FeatureSpec.v2(M1, 60, 10, 5))) {
            List<Bar> bars = bars(rnd, 1_500, 1, 20);
            double[][] expected = reference(s, bars);
            FeatureMatrix m = FeatureEngine.computeAll(s, bars);
            assertEquals(expected.length, m.rows(), "rows after warm-up for " + s);
            for (int i = 0; i < m.rows(); i++) {
                for (int f = 0; f < s.featureCount(); f++) {
                    double e = expected[i][f], got = m.get(i, f);
                    assertEquals(e, got, 1e-9 * Math.max(1, Math.abs(e)), s + " row " + i + " " + s.featureNames().get(f));
                }
            }
        }
    }

    @Test
    void featuresDoNotDependOnThePriceLevelOrTheVolumeUnit() {
        FeatureSpec s = FeatureSpec.defaults();
        FeatureMatrix base = FeatureEngine.computeAll(s, bars(new SplittableRandom(3), 3_000, 1, 20));
        FeatureMatrix scaled = FeatureEngine.computeAll(s, bars(new SplittableRandom(3), 3_000, 1_000, 1e-4));
        for (int i = 0; i < base.values().length; i++) {
            assertEquals(base.values()[i], scaled.values()[i], 1e-7 * Math.max(1, Math.abs(base.values()[i])), "value " + i);
        }
    }

    @Test
    void warmUpIsExactAndTheStreamEqualsTheBatch() {
        SplittableRandom rnd = new SplittableRandom(11);
        for (int k = 0; k < 20; k++) {
            FeatureSpec s = FeatureSpec.v2(M1, 2 + rnd.nextInt(80), 2 + rnd.nextInt(20), 1 + rnd.nextInt(100));
            List<Bar> bars = bars(rnd, 400, 1, 5);
            FeatureEngine e = new FeatureEngine(s);
            List<FeatureVector> streamed = new ArrayList<>();
            int first = -1;
            for (int i = 0; i < bars.size(); i++) {
                FeatureVector v = e.onBar(bars.get(i));
                if (v != null) {
                    if (first < 0) first = i + 1;
                    streamed.add(v);
                }
            }
            assertEquals(s.warmUpBars() + 1, first, "first vector's bar number for " + s);
            FeatureEngineTest.assertBitIdentical(streamed, FeatureEngine.computeAll(s, bars));
        }
    }

    @Test
    void aConsumerStartingHistoryBarsEarlyComputesTheWholeSeriesFeatures() {
        FeatureSpec s = FeatureSpec.defaults();
        List<Bar> all = bars(new SplittableRandom(13), 3_000, 1, 20);
        FeatureMatrix whole = FeatureEngine.computeAll(s, all);
        int start = 2_000, from = start - s.historyBars() - 1; // the batch's look-back: history bars and one more
        FeatureMatrix late = FeatureEngine.computeAll(s, all.subList(from, all.size()));
        int offset = whole.rows() - late.rows();
        for (int r = start - from - s.warmUpBars(); r < late.rows(); r++) {
            for (int f = 0; f < s.featureCount(); f++) {
                double e = whole.get(r + offset, f);
                assertEquals(e, late.get(r, f), 1e-12 * Math.max(1, Math.abs(e)), "row " + r + " feature " + f);
            }
        }
    }

    @Test
    void aJumpDoesNotMaskTheHourAfterIt() {
        // A flat-volatility series with one 30σ jump: with r² entering the level unclipped, σ̂ would stay
        // inflated (×2.4 after 10 bars for span 30); winsorised at 4σ̂ it moves by a few per cent.
        FeatureSpec s = FeatureSpec.defaults();
        FeatureEngine e = new FeatureEngine(s);
        double sigma = 1e-3;
        double price = 100;
        SplittableRandom rnd = new SplittableRandom(9);
        double[] row = new double[s.featureCount()];
        List<Double> after = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            double move = i == 200 ? 30 * sigma : sigma * rnd.nextGaussian();
            double next = price * Math.exp(move);
            boolean ready = e.update(Math.max(price, next), Math.min(price, next), next, 10, 10, false, row, 0);
            if (ready && i == 200) assertTrue(row[0] > 20, "the jump itself: " + row[0]);
            if (ready && i > 200 && i <= 210) after.add(Math.abs(row[0] / (move / sigma)));
            price = next;
        }
        // return_sigma = move / σ̂: after the jump σ̂ stays near σ, so the ratio to the true z stays near 1.
        assertEquals(10, after.size());
        after.forEach(q -> assertTrue(q > 0.7 && q < 1.3, "σ̂ after the jump is off by " + q));
    }

    @Test
    void extremeAndDegenerateInputsGiveFiniteValuesOrClearErrors() {
        FeatureEngine e = new FeatureEngine(FeatureSpec.v2(M1, 2, 2, 1));
        double[] row = new double[6];
        SplittableRandom rnd = new SplittableRandom(1);
        double[] prices = {Double.MIN_VALUE, 1e-300, 1, 1e300, Double.MAX_VALUE};
        for (int i = 0; i < 5_000; i++) {
            double a = prices[rnd.nextInt(prices.length)], b = prices[rnd.nextInt(prices.length)];
            double volume = rnd.nextInt(5) == 0 ? 0 : prices[rnd.nextInt(prices.length)];
            if (e.update(Math.max(a, b), Math.min(a, b), a, volume, rnd.nextInt(3), rnd.nextInt(10) == 0, row, 0)) {
                for (double v : row) assertTrue(Double.isFinite(v), "non-finite feature " + v);
            }
        }
        assertThrows(IllegalArgumentException.class, () -> e.update(1, 2, 1.5, 1, 1, false, row, 0)); // low above high
        assertThrows(IllegalArgumentException.class, () -> e.update(2, 1, 1.5, -1, 1, false, row, 0));
        assertThrows(IllegalArgumentException.class, () -> e.update(2, 0, 1.5, 1, 1, false, row, 0));
        assertThrows(IllegalArgumentException.class, () -> e.update(2, 1, 1.5, Double.NaN, 1, false, row, 0));
        assertThrows(IllegalArgumentException.class, () -> e.update(1.5, false, row, 0)); // closes only: v1
    }
}

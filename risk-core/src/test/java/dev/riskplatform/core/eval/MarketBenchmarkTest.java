package dev.riskplatform.core.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.eval.MarketBenchmark.Kind;
import dev.riskplatform.core.eval.MarketBenchmark.Params;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The generator is deterministic, its bars are valid, its normal market has the stylised facts of
 * real one-minute crypto returns (on 200,000 bars ≈ 139 days, seed 1) and its labelled events are
 * where and what they claim to be.
 */
class MarketBenchmarkTest {

    private static final int N = 200_000;
    private static final MarketBenchmark BENCH = MarketBenchmark.generate("BTCUSDT", N, 1);
    private static final double[] R = logReturns(BENCH);

    /** A labelled event: bars [start, end) of one kind. */
    private record Event(int start, int end, Kind kind) { }

    @Test
    void sameSeedGivesTheSameBenchmark() {
        MarketBenchmark a = MarketBenchmark.generate("BTCUSDT", 20_000, 42);
        MarketBenchmark b = MarketBenchmark.generate("BTCUSDT", 20_000, 42);
        assertEquals(a.bars(), b.bars());
        assertArrayEquals(a.labels(), b.labels());
        assertArrayEquals(a.kinds(), b.kinds());
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
    }

    @Test
    void differentSeedsGiveDifferentBenchmarks() {
        MarketBenchmark a = MarketBenchmark.generate("BTCUSDT", 20_000, 42);
        MarketBenchmark b = MarketBenchmark.generate("BTCUSDT", 20_000, 43);
        assertNotEquals(a, b);
        assertNotEquals(a.bars().get(100).close(), b.bars().get(100).close());
        assertFalse(Arrays.equals(a.labels(), b.labels()));
    }

    @Test
    void barsAreValidContiguousOneMinuteBars() {
        List<Bar> bars = BENCH.bars();
        assertEquals(N, bars.size());
        assertEquals(N, BENCH.labels().length);
        assertEquals(N, BENCH.kinds().length);
        BarInterval oneMinute = BarInterval.parse("1m");
        long start = java.time.Instant.parse("2024-01-01T00:00:00Z").toEpochMilli();
        for (int i = 0; i < N; i++) {
            Bar b = bars.get(i);
            assertEquals("BTCUSDT", b.symbol());
            assertEquals(oneMinute, b.interval());
            assertEquals(start + 60_000L * i, b.openTime(), "bar " + i);
            assertFalse(b.gap());
            assertTrue(b.low() > 0 && b.low() <= Math.min(b.open(), b.close()) && Math.max(b.open(), b.close()) <= b.high(), "OHLC of bar " + i + ": " + b);
            assertTrue(b.low() <= b.vwap() && b.vwap() <= b.high(), "vwap of bar " + i);
            assertTrue(b.volume() > 0 && Double.isFinite(b.volume()), "volume of bar " + i);
            assertEquals(b.volume() * b.vwap(), b.quoteVolume(), 1e-9 * b.quoteVolume());
            assertTrue(b.tradeCount() >= 1);
            assertEquals(b.tradeCount(), b.lastTradeId() - b.firstTradeId() + 1);
            if (i > 0) {
                Bar prev = bars.get(i - 1);
                assertEquals(prev.close(), b.open(), "open = previous close at bar " + i);
                assertEquals(prev.lastTradeId() + 1, b.firstTradeId(), "trade ids increase at bar " + i);
            }
            assertEquals(BENCH.labels()[i], BENCH.kinds()[i] != Kind.NONE.ordinal());
        }
        int sum = 0;
        for (Kind k : Kind.values()) sum += BENCH.count(k);
        assertEquals(N, sum);
        assertTrue(BENCH.toString().length() < 300, "toString is a summary, not 200,000 bars");
    }

    @Test
    void normalReturnsAreFatTailed() {
        assertTrue(excessKurtosis(R, BENCH.labels()) > 3, "excess kurtosis " + excessKurtosis(R, BENCH.labels()));
    }

    @Test
    void volatilityClustersButReturnsAreNotPredictable() {
        double[] abs = Arrays.stream(R).map(Math::abs).toArray();
        double acf1 = acf(abs, 1, null), acf30 = acf(abs, 30, null);
        assertTrue(acf1 > 0.1, "acf |r| lag 1 = " + acf1);
        assertTrue(acf30 > 0.1, "acf |r| lag 30 = " + acf30);
        assertTrue(acf1 > acf30, "clustering decays: " + acf1 + " vs " + acf30);
        double acfR = acf(R, 1, BENCH.labels());
        assertTrue(Math.abs(acfR) < 0.05, "acf r lag 1 (normal bars) = " + acfR);
    }

    @Test
    void intradaySeasonalityPeaksInTheUsEuOverlap() {
        List<List<Double>> byHour = new ArrayList<>();
        for (int h = 0; h < 24; h++) byHour.add(new ArrayList<>());
        for (int i = 0; i < N; i++) if (!BENCH.labels()[i]) byHour.get((i % 1440) / 60).add(Math.abs(R[i]));
        double[] mean = new double[24], median = new double[24];
        for (int h = 0; h < 24; h++) {
            mean[h] = byHour.get(h).stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            median[h] = median(byHour.get(h));
        }
        double ratio = mean[argMax(mean)] / mean[argMin(mean)];
        assertTrue(ratio > 1.8, "busiest/calmest hour mean |r| = " + ratio);
        // where: by the median |r| of each hour, which the rare long volatility bursts do not move
        int busiest = argMax(median), calmest = argMin(median);
        assertTrue(busiest >= 11 && busiest <= 18, "busiest hour (UTC) " + busiest + ", the peak is at 14:30");
        assertTrue(calmest <= 6 || calmest >= 23, "calmest hour (UTC) " + calmest + ", the trough is at 02:30");
    }

    @Test
    void volumeRisesWithTheMoveAndTheVolatilityLevel() {
        double[] logVolume = new double[N], move = new double[N], logSigma = new double[N];
        double var = 0;
        for (int i = 0; i < 100; i++) var += R[i] * R[i] / 100;
        for (int i = 0; i < N; i++) { // σ̂: EWMA of r² over past bars only
            double sigma = Math.sqrt(var);
            logVolume[i] = Math.log(BENCH.bars().get(i).volume());
            move[i] = Math.abs(R[i]) / sigma;
            logSigma[i] = Math.log(sigma);
            var = 0.97 * var + 0.03 * R[i] * R[i];
        }
        double withMove = correlation(logVolume, move, BENCH.labels());
        double withLevel = correlation(logVolume, logSigma, BENCH.labels());
        assertTrue(withMove > 0.1, "corr(log volume, |r|/σ̂) = " + withMove);
        assertTrue(withLevel > 0.1, "corr(log volume, log σ̂) = " + withLevel);
        double acfVolume = acf(logVolume, 1, null);
        assertTrue(acfVolume > 0.3, "log volume is persistent: acf lag 1 = " + acfVolume);
    }

    @Test
    void everyKindOfEventIsPresentInTheRightNumberAndShape() {
        List<Event> events = events(BENCH);
        double expected = Params.defaults().anomaliesPerDay() * N / 1440.0;
        assertTrue(Math.abs(events.size() - expected) <= 0.3 * expected, events.size() + " events, expected ≈ " + expected);
        int[] perKind = new int[Kind.values().length];
        for (Event e : events) perKind[e.kind().ordinal()]++;
        for (Kind k : Kind.values()) {
            if (k == Kind.NONE) continue;
            assertTrue(perKind[k.ordinal()] >= 0.15 * events.size(), k + ": " + perKind[k.ordinal()] + " of " + events.size());
        }
        assertTrue(events.get(0).start() >= MarketBenchmark.WARM_UP_BARS, "first event at " + events.get(0).start());
        for (int q = 1; q < events.size(); q++) {
            int gap = events.get(q).start() - events.get(q - 1).end();
            assertTrue(gap >= MarketBenchmark.MIN_EVENT_GAP, "events " + events.get(q - 1) + " and " + events.get(q) + " are too close");
        }
        for (Event e : events) {
            int len = e.end() - e.start();
            switch (e.kind()) {
                case JUMP, VOLUME_SPIKE -> assertEquals(1, len, e.toString());
                case FLASH_CRASH -> assertTrue(len >= 1 && len <= 3, e.toString());
                case VOLATILITY_BURST -> assertEquals(MarketBenchmark.BURST_LABEL_BARS, len, e.toString());
                default -> throw new AssertionError(e);
            }
        }
        assertEquals(perKind[Kind.JUMP.ordinal()], BENCH.count(Kind.JUMP));
        assertEquals(perKind[Kind.VOLUME_SPIKE.ordinal()], BENCH.count(Kind.VOLUME_SPIKE));
        assertEquals(perKind[Kind.VOLATILITY_BURST.ordinal()] * MarketBenchmark.BURST_LABEL_BARS, BENCH.count(Kind.VOLATILITY_BURST));
    }

    @Test
    void flashCrashesHaveRangesFarAboveNormal() {
        double[] range = new double[N];
        for (int i = 0; i < N; i++) range[i] = Math.log(BENCH.bars().get(i).high() / BENCH.bars().get(i).low());
        double medianRange = median(range, 0, N);
        List<Double> vsGlobal = new ArrayList<>(), unrecovered = new ArrayList<>();
        for (Event e : events(BENCH)) {
            if (e.kind() != Kind.FLASH_CRASH) continue;
            double max = 0;
            for (int i = e.start(); i < e.end(); i++) max = Math.max(max, range[i]);
            double local = median(range, e.start() - 120, e.start());
            assertTrue(max > 3 * local, "crash " + e + ": range " + max + " vs local median " + local);
            vsGlobal.add(max / medianRange);
            Bar first = BENCH.bars().get(e.start()), last = BENCH.bars().get(e.end() - 1);
            double drop = Math.log(first.open() / BENCH.bars().subList(e.start(), e.end()).stream().mapToDouble(Bar::low).min().orElseThrow());
            double net = Math.log(last.close() / first.open());
            unrecovered.add(Math.abs(net) / drop);
        }
        assertTrue(median(vsGlobal) > 5, "median crash range / median range = " + median(vsGlobal));
        assertTrue(median(unrecovered) < 0.35, "a crash recovers most of its drop: median |net| / drop = " + median(unrecovered));
    }

    @Test
    void jumpsSpikesAndBurstsStandOutFromTheirNeighbourhood() {
        double[] abs = Arrays.stream(R).map(Math::abs).toArray();
        double[] volume = BENCH.bars().stream().mapToDouble(Bar::volume).toArray();
        List<Double> jump = new ArrayList<>(), spike = new ArrayList<>(), spikeMove = new ArrayList<>(), burst = new ArrayList<>();
        for (Event e : events(BENCH)) {
            int i = e.start();
            switch (e.kind()) {
                case JUMP -> jump.add(abs[i] / median(abs, i - 120, i));
                case VOLUME_SPIKE -> {
                    spike.add(volume[i] / median(volume, i - 120, i));
                    spikeMove.add(abs[i] / median(abs, i - 120, i));
                }
                case VOLATILITY_BURST -> burst.add(mean(abs, i, i + 30) / mean(abs, i - 120, i));
                default -> { }
            }
        }
        assertTrue(median(jump) > 5, "jump |r| / local median |r| = " + median(jump));
        assertTrue(median(spike) > 5, "spike volume / local median volume = " + median(spike));
        assertTrue(median(spikeMove) < 2, "a volume spike's price move is ordinary: " + median(spikeMove));
        assertTrue(median(burst) > 2.5, "mean |r| in a burst's first 30 bars / before = " + median(burst));
    }

    @Test
    void paramsAreValidatedAndAnomaliesCanBeSwitchedOff() {
        Params d = Params.defaults();
        assertThrows(IllegalArgumentException.class, () -> new Params(0, 2, 0.05, 0.935, 4, 10, 3, 0.4, 20, 40));
        assertThrows(IllegalArgumentException.class, () -> new Params(0.6, 2, 0.1, 0.95, 4, 10, 3, 0.4, 20, 40));
        assertThrows(IllegalArgumentException.class, () -> new Params(0.6, 2, 0.05, 0.935, 2, 10, 3, 0.4, 20, 40));
        assertThrows(IllegalArgumentException.class, () -> new Params(0.6, 2, 0.05, 0.935, 4, 10, 3, 1.0, 20, 40));
        assertThrows(IllegalArgumentException.class, () -> MarketBenchmark.generate("BTCUSDT", 0, 1));
        assertThrows(IllegalArgumentException.class, () -> MarketBenchmark.generate("BTCUSDT", 10_000, 1,
                new Params(0.6, 500, 0.05, 0.935, 4, 10, 3, 0.4, 20, 40)));
        MarketBenchmark quiet = MarketBenchmark.generate("ETHUSDT", 10_000, 1,
                new Params(d.annualVol(), 0, d.garchAlpha(), d.garchBeta(), d.tailDof(), d.regimeRange(),
                        d.regimeMeanDays(), d.intradayAmplitude(), d.baseVolume(), d.tradesPerVolume()));
        assertEquals(10_000, quiet.count(Kind.NONE));
        MarketBenchmark tiny = MarketBenchmark.generate("BTCUSDT", 1, 1);
        assertEquals(1, tiny.bars().size());
        assertFalse(tiny.labels()[0]);
    }

    // --- helpers

    private static double[] logReturns(MarketBenchmark b) {
        double[] r = new double[b.bars().size()];
        for (int i = 0; i < r.length; i++) r[i] = Math.log(b.bars().get(i).close() / b.bars().get(i).open());
        return r;
    }

    private static List<Event> events(MarketBenchmark b) {
        byte[] k = b.kinds();
        List<Event> out = new ArrayList<>();
        for (int i = 0; i < k.length; ) {
            if (k[i] == 0) { i++; continue; }
            int j = i;
            while (j < k.length && k[j] == k[i]) j++;
            out.add(new Event(i, j, Kind.values()[k[i]]));
            i = j;
        }
        return out;
    }

    /** Excess kurtosis of x over the bars that are not excluded. */
    private static double excessKurtosis(double[] x, boolean[] exclude) {
        double mean = 0, n = 0;
        for (int i = 0; i < x.length; i++) if (!exclude[i]) { mean += x[i]; n++; }
        mean /= n;
        double m2 = 0, m4 = 0;
        for (int i = 0; i < x.length; i++) {
            if (exclude[i]) continue;
            double d = (x[i] - mean) * (x[i] - mean);
            m2 += d;
            m4 += d * d;
        }
        m2 /= n;
        m4 /= n;
        return m4 / (m2 * m2) - 3;
    }

    /** Sample autocorrelation at {@code lag}, over pairs where neither bar is excluded (null: none). */
    private static double acf(double[] x, int lag, boolean[] exclude) {
        double mean = 0, n = 0;
        for (int i = 0; i < x.length; i++) if (exclude == null || !exclude[i]) { mean += x[i]; n++; }
        mean /= n;
        double num = 0, den = 0;
        for (int i = 0; i < x.length; i++) {
            if (exclude != null && exclude[i]) continue;
            double d = x[i] - mean;
            den += d * d;
            if (i >= lag && (exclude == null || !exclude[i - lag])) num += d * (x[i - lag] - mean);
        }
        return num / den;
    }

    private static double correlation(double[] a, double[] b, boolean[] exclude) {
        double ma = 0, mb = 0, n = 0;
        for (int i = 0; i < a.length; i++) if (!exclude[i]) { ma += a[i]; mb += b[i]; n++; }
        ma /= n;
        mb /= n;
        double sab = 0, saa = 0, sbb = 0;
        for (int i = 0; i < a.length; i++) {
            if (exclude[i]) continue;
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return sab / Math.sqrt(saa * sbb);
    }

    private static double median(double[] x, int from, int to) {
        double[] s = Arrays.copyOfRange(x, from, to);
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double median(List<Double> x) {
        return median(x.stream().mapToDouble(Double::doubleValue).toArray(), 0, x.size());
    }

    private static int argMax(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] > x[best]) best = i;
        return best;
    }

    private static int argMin(double[] x) {
        int best = 0;
        for (int i = 1; i < x.length; i++) if (x[i] < x[best]) best = i;
        return best;
    }

    private static double mean(double[] x, int from, int to) {
        double s = 0;
        for (int i = from; i < to; i++) s += x[i];
        return s / (to - from);
    }
}

package dev.riskplatform.core.eval;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A labelled benchmark for jump detection on one-minute bars, fully determined by its seed.
 *
 * <ul>
 *   <li><b>Volatility regimes</b>: the per-bar log-return std σ is redrawn log-uniformly in
 *       [{@link #SIGMA_MIN}, {@link #SIGMA_MAX}] (a 20× range: calm nights to busy sessions) at
 *       the start of each regime; regime lengths are exponential with mean {@link #MEAN_REGIME_BARS}.</li>
 *   <li><b>Returns</b>: r_t = σ_t · ε_t with ε_t ~ N(0, 1).</li>
 *   <li><b>Jumps</b>: {@code jumps} distinct bars, uniform among bars after the feature warm-up,
 *       get r_t += ±m · σ_t with m uniform in [{@link #JUMP_MIN_SIGMAS}, {@link #JUMP_MAX_SIGMAS}]
 *       (a jump is large for its regime, not necessarily large in absolute terms).</li>
 *   <li>close_t = 40,000 · exp(Σ r); features from {@link FeatureEngine#computeAll}; a row is
 *       labelled positive when its bar carries a jump.</li>
 *   <li>As bars ({@link #bars}): open = previous close, high/low = the larger/smaller of open and
 *       close (no wicks), volume log-normal ln v ~ N(ln 20, 0.5²) and trade count round(40·v),
 *       both independent of the price (from their own seeded stream, so the prices of a seed are
 *       the same either way).</li>
 * </ul>
 */
public record JumpBenchmark(FeatureMatrix features, boolean[] labels, int jumps) {

    public static final double SIGMA_MIN = 2e-4;
    public static final double SIGMA_MAX = 4e-3;
    public static final double MEAN_REGIME_BARS = 2_000;
    public static final double JUMP_MIN_SIGMAS = 4;
    public static final double JUMP_MAX_SIGMAS = 10;

    /**
     * Labelled bars: the same prices as {@link #generate}, plus the volume model of the class comment.
     * {@code sigma[i]} is the true regime σ of bar i's return, known to the generator only: for an oracle
     * |r_t| / σ_t that bounds what any detector can reach on these bars, never for a detector.
     */
    public record Bars(List<Bar> bars, boolean[] labels, double[] sigma) {
    }

    public static JumpBenchmark generate(FeatureSpec spec, int bars, int jumps, long seed) {
        Series s = series(spec.warmUpBars(), bars, jumps, seed);
        FeatureMatrix m = FeatureEngine.computeAll(spec, s.open, s.close, null);
        boolean[] labels = new boolean[m.rows()];
        int warmUp = spec.warmUpBars();
        for (int row = 0; row < labels.length; row++) labels[row] = s.jump[row + warmUp];
        return new JumpBenchmark(m, labels, jumps);
    }

    /** The series as one-minute bars; jumps are placed after {@code warmUpBars}, as {@link #generate} does. */
    public static Bars bars(String symbol, int warmUpBars, int bars, int jumps, long seed) {
        Series s = series(warmUpBars, bars, jumps, seed);
        Random volumes = new Random(seed ^ 0x5DEECE66DL);
        BarInterval m1 = BarInterval.parse("1m");
        List<Bar> out = new ArrayList<>(bars);
        for (int i = 0; i < bars; i++) {
            double open = i == 0 ? s.close[0] : s.close[i - 1], close = s.close[i];
            double volume = 20 * Math.exp(0.5 * volumes.nextGaussian());
            long trades = Math.max(1, Math.round(40 * volume));
            out.add(new Bar(symbol, m1, s.open[i], s.open[i] + m1.millis() - 1, open, Math.max(open, close),
                    Math.min(open, close), close, volume, volume * close, close, trades, 2L * i, 2L * i + 1, false));
        }
        return new Bars(out, s.jump, s.sigma);
    }

    private record Series(long[] open, double[] close, boolean[] jump, double[] sigma) {
    }

    private static Series series(int warmUp, int bars, int jumps, long seed) {
        if (jumps < 1 || jumps > (bars - warmUp) / 2) throw new IllegalArgumentException(jumps + " jumps do not fit " + bars + " bars");
        Random rng = new Random(seed);
        boolean[] jump = jumpBars(bars, warmUp, jumps, rng);
        long[] open = new long[bars];
        double[] close = new double[bars], sigmas = new double[bars];
        double logP = Math.log(40_000), sigma = 0;
        long regimeLeft = 0;
        for (int i = 0; i < bars; i++) {
            if (regimeLeft-- <= 0) {
                sigma = SIGMA_MIN * Math.pow(SIGMA_MAX / SIGMA_MIN, rng.nextDouble()); // log-uniform
                regimeLeft = (long) Math.ceil(-MEAN_REGIME_BARS * Math.log(1 - rng.nextDouble())); // exponential
            }
            sigmas[i] = sigma;
            double r = sigma * rng.nextGaussian();
            if (jump[i]) r += (rng.nextBoolean() ? 1 : -1) * sigma * (JUMP_MIN_SIGMAS + (JUMP_MAX_SIGMAS - JUMP_MIN_SIGMAS) * rng.nextDouble());
            logP += i == 0 ? 0 : r;
            open[i] = 1_600_000_000_000L / 60_000 * 60_000 + 60_000L * i;
            close[i] = Math.exp(logP);
        }
        return new Series(open, close, jump, sigmas);
    }

    /** Distinct jump bars in [warmUp, bars): a partial Fisher-Yates draw. */
    private static boolean[] jumpBars(int bars, int warmUp, int jumps, Random rng) {
        int span = bars - warmUp;
        int[] idx = new int[span];
        for (int i = 0; i < span; i++) idx[i] = warmUp + i;
        boolean[] jump = new boolean[bars];
        for (int k = 0; k < jumps; k++) {
            int j = k + rng.nextInt(span - k);
            int t = idx[k]; idx[k] = idx[j]; idx[j] = t;
            jump[idx[k]] = true;
        }
        return jump;
    }
}

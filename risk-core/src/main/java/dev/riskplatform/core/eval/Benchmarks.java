package dev.riskplatform.core.eval;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.training.HoldoutSplit;
import java.util.Arrays;
import java.util.List;

/**
 * The two labelled generators as one evaluation input: bars in time order, their labels, and the
 * v1 and v2 feature rows of the same bars (docs/evaluation.md). Rows are aligned on the bar after
 * the longer warm-up; the first half of the bars is history to train on, the second half is scored
 * (a model is fitted on the past and judged on what follows, as it is served).
 */
public final class Benchmarks {

    /** The labelled generators. */
    public enum Generator {
        /** {@link MarketBenchmark}: GARCH, fat tails, intraday cycle; jumps, flash crashes, volatility bursts, volume spikes. */
        MARKET,
        /** {@link JumpBenchmark}: Gaussian returns in abrupt volatility regimes; jumps only. */
        JUMP
    }

    /**
     * Labelled bars of one generator and seed; {@code trueSigma} is the generator's own σ of each bar's return
     * where the generator has one a detector could be measured against ({@link Generator#JUMP}), else null.
     */
    public record Labelled(Generator generator, long seed, List<Bar> bars, boolean[] labels, double[] trueSigma) {
    }

    /**
     * Feature rows of one spec: training rows (first half) and test rows (second half) with the test labels;
     * test row j describes bar {@code firstTestBar + j}.
     */
    public record Split(FeatureSpec spec, FeatureMatrix train, FeatureMatrix test, boolean[] testLabels, int firstTestBar) {
    }

    /** Jumps in the jump generator: one per 1,000 bars, as the original evaluation. */
    static final int BARS_PER_JUMP = 1_000;
    /** Bars before the first possible jump: past both default warm-ups. */
    static final int FIRST_JUMP_BAR = 200;

    private Benchmarks() {
    }

    public static Labelled generate(Generator g, int bars, long seed) {
        return switch (g) {
            case MARKET -> {
                MarketBenchmark m = MarketBenchmark.generate("BENCH", bars, seed);
                yield new Labelled(g, seed, m.bars(), m.labels(), null);
            }
            case JUMP -> {
                JumpBenchmark.Bars j = JumpBenchmark.bars("BENCH", FIRST_JUMP_BAR, bars, bars / BARS_PER_JUMP, seed);
                yield new Labelled(g, seed, j.bars(), j.labels(), j.sigma());
            }
        };
    }

    /**
     * The rows of {@code spec} over the labelled bars, aligned so that row r of every spec listed in
     * {@code alignedWith} describes the same bar, split in time at the middle bar.
     */
    public static Split split(Labelled data, FeatureSpec spec, List<FeatureSpec> alignedWith) {
        int start = alignedWith.stream().mapToInt(FeatureSpec::warmUpBars).max().orElse(0);
        start = Math.max(start, spec.warmUpBars());
        FeatureMatrix all = FeatureEngine.computeAll(spec, data.bars());
        int skip = start - spec.warmUpBars(); // row j describes bar j + warmUp
        int rows = all.rows() - skip;
        int trainRows = data.bars().size() / 2 - start;
        if (trainRows < 2 || rows - trainRows < 1) throw new IllegalArgumentException("too few bars to split: " + data.bars().size());
        FeatureMatrix aligned = HoldoutSplit.slice(all, skip, all.rows());
        boolean[] labels = Arrays.copyOfRange(data.labels(), start + trainRows, start + rows);
        return new Split(spec, HoldoutSplit.slice(aligned, 0, trainRows), HoldoutSplit.slice(aligned, trainRows, rows), labels,
                start + trainRows);
    }

    /**
     * The oracle |r_t| / σ_t over the test rows of {@code split}, σ_t the generator's true σ of bar t: what the
     * |r|/σ rules estimate, without the estimation error. It bounds what any detector of single-bar return
     * anomalies can reach on these bars (it still misses a jump that the bar's own noise cancels). Evaluation
     * only: no detector knows σ_t.
     */
    public static double[] oracle(Labelled data, Split split) {
        if (data.trueSigma() == null) throw new IllegalArgumentException(data.generator() + " has no true σ");
        double[] s = new double[split.test().rows()];
        for (int j = 0; j < s.length; j++) {
            int t = split.firstTestBar() + j;
            s[j] = Math.abs(Math.log(data.bars().get(t).close() / data.bars().get(t - 1).close())) / data.trueSigma()[t];
        }
        return s;
    }
}

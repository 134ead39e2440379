package dev.riskplatform.trainer.card;

import dev.riskplatform.core.eval.JumpBenchmark;
import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.training.HoldoutSplit;
import java.util.Random;

/**
 * A labelled check on real holdout bars (there are no labels for real data): {@code jumps} holdout
 * bars get an extra log return δ = ±m · σ, m uniform in [4, 10] as in {@link JumpBenchmark}, σ the
 * bar's pre-jump rolling volatility; every later close moves with it (c'_t = c_t · exp(Σ_{jumps s ≤ t} δ_s)).
 * Features are recomputed from the new closes; a row is positive when its bar carries a jump.
 *
 * @param holdout the recomputed holdout rows (the first rows of the dataset are used as warm-up only)
 */
record InjectedJumps(FeatureMatrix holdout, boolean[] labels, int jumps) {

    /** null when the holdout is too short for a jump (< 100 rows), or the training part too short to warm up the features. */
    static InjectedJumps of(FeatureSpec spec, FeatureMatrix all, int holdoutFrom, long seed) {
        int n = all.rows(), warmUp = spec.warmUpBars(), span = n - holdoutFrom;
        int jumps = Math.min(200, span / 100);
        if (holdoutFrom < warmUp + 1 || jumps < 1) return null;
        boolean[] jump = pick(all, holdoutFrom, jumps, new Random(seed));
        double[] closes = all.closes().clone();
        double shift = 0;
        Random rng = new Random(seed + 1);
        for (int i = holdoutFrom; i < n; i++) {
            if (jump[i]) {
                double m = JumpBenchmark.JUMP_MIN_SIGMAS + (JumpBenchmark.JUMP_MAX_SIGMAS - JumpBenchmark.JUMP_MIN_SIGMAS) * rng.nextDouble();
                shift += (rng.nextBoolean() ? 1 : -1) * m * all.get(i - 1, 1); // δ = ±m·σ_{t−1}
            }
            closes[i] *= Math.exp(shift);
        }
        FeatureMatrix f = FeatureEngine.computeAll(spec, all.openTimes(), closes, null);
        int from = holdoutFrom - warmUp; // recomputed row j is dataset row j + warmUp
        boolean[] labels = new boolean[f.rows() - from];
        for (int j = 0; j < labels.length; j++) labels[j] = jump[j + from + warmUp];
        int placed = 0;
        for (boolean b : labels) if (b) placed++;
        return placed == 0 ? null : new InjectedJumps(HoldoutSplit.slice(f, from, f.rows()), labels, placed);
    }

    /** Distinct holdout rows with a positive pre-jump volatility (a flat market has no σ to scale by). */
    private static boolean[] pick(FeatureMatrix all, int from, int jumps, Random rng) {
        boolean[] jump = new boolean[all.rows()];
        int placed = 0, tries = 0;
        while (placed < jumps && tries++ < 100 * jumps) {
            int i = from + rng.nextInt(all.rows() - from);
            if (!jump[i] && all.get(i - 1, 1) > 0) {
                jump[i] = true;
                placed++;
            }
        }
        return jump;
    }
}

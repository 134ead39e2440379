package dev.riskplatform.core.forest;

import dev.riskplatform.core.forest.layout.MaskForest;
import dev.riskplatform.core.forest.tree.IsolationTree;
import dev.riskplatform.core.forest.tree.PathLength;
import dev.riskplatform.core.forest.tree.Sampler;
import dev.riskplatform.core.forest.tree.SplitMix64;
import dev.riskplatform.core.forest.tree.TreeBuilder;
import dev.riskplatform.core.scoring.Scorer;
import dev.riskplatform.core.scoring.Threshold;
import java.util.ArrayList;
import java.util.List;

/**
 * Isolation Forest (Liu, Ting, Zhou 2008) with scikit-learn's conventions, immutable and
 * thread-safe. score(x) = 2^(-E[h(x)] / c(ψ)) in (0, 1]: near 1 is anomalous, around 0.5 and
 * below is normal; sklearn's {@code score_samples} returns the negation of this value.
 * The model knows nothing of storage (see {@code core.artifact}) or of alert thresholds
 * (see {@link Threshold}).
 */
public final class IsolationForest implements Scorer {

    /** Fit parameters: n trees, ψ = max samples per tree, RNG seed. */
    public record Params(int trees, int maxSamples, long seed) {
        public Params {
            if (trees < 1) throw new IllegalArgumentException("trees must be >= 1, got " + trees);
            if (maxSamples < 1) throw new IllegalArgumentException("maxSamples must be >= 1, got " + maxSamples);
        }

        /** sklearn's defaults: 100 trees, ψ = 256. */
        public static Params defaults(long seed) {
            return new Params(100, 256, seed);
        }
    }

    private final int featureCount;
    private final int maxSamples;
    private final List<IsolationTree> trees;
    private final FeatureStats stats;
    private final double negInvNorm;        // -1 / (trees · c(ψ))
    private final MaskForest compiled;  // null: score on the explicit trees

    /**
     * Assembles a model from validated trees, e.g. read from an artifact.
     *
     * @param maxSamples ψ actually used per tree (sklearn's {@code max_samples_})
     */
    public IsolationForest(int featureCount, int maxSamples, List<IsolationTree> trees, FeatureStats stats) {
        if (trees.isEmpty()) throw new IllegalArgumentException("a forest needs at least one tree");
        if (maxSamples < 1) throw new IllegalArgumentException("maxSamples must be >= 1, got " + maxSamples);
        if (stats.featureCount() != featureCount) {
            throw new IllegalArgumentException("stats cover " + stats.featureCount() + " features, model " + featureCount);
        }
        this.featureCount = featureCount;
        this.maxSamples = maxSamples;
        this.trees = List.copyOf(trees);
        this.stats = stats;
        // ψ = 1 makes c(ψ) = 0: every path is 0 and sklearn defines the score as 1 (2^0).
        double norm = trees.size() * PathLength.average(maxSamples);
        this.negInvNorm = norm > 0 ? -1.0 / norm : 0.0;
        this.compiled = MaskForest.compile(this.trees, featureCount);
    }

    /**
     * Fits on {@code rows.length / featureCount} row-major rows. Each tree sees ψ = min(maxSamples, n)
     * rows drawn without replacement; tree t has its own RNG stream derived from the seed, so a seed
     * gives the same forest whatever order trees are built in.
     */
    public static IsolationForest fit(double[] rows, int featureCount, Params p) {
        int n = checkRows(rows, featureCount);
        int psi = Math.min(p.maxSamples(), n);
        int maxDepth = PathLength.maxDepth(psi);
        SplitMix64 seeds = new SplitMix64(p.seed());
        List<IsolationTree> trees = new ArrayList<>(p.trees());
        for (int t = 0; t < p.trees(); t++) {
            SplitMix64 rng = new SplitMix64(seeds.nextLong());
            int[] sample = Sampler.withoutReplacement(n, psi, rng);
            trees.add(TreeBuilder.grow(rows, featureCount, sample, maxDepth, rng));
        }
        FeatureStats stats = FeatureStats.of(rows, featureCount, n, new SplitMix64(seeds.nextLong()));
        return new IsolationForest(featureCount, psi, trees, stats);
    }

    private static int checkRows(double[] rows, int d) {
        if (d < 1 || rows.length == 0 || rows.length % d != 0) {
            throw new IllegalArgumentException("need a non-empty row-major matrix with " + d + " columns");
        }
        for (int i = 0; i < rows.length; i++) {
            // sklearn rejects NaN/inf too; beyond float range the float32 cast would make infinities.
            if (!(Math.abs(rows[i]) <= Float.MAX_VALUE)) {
                throw new IllegalArgumentException("row " + i / d + " feature " + i % d + " is not a finite float: " + rows[i]);
            }
        }
        return rows.length / d;
    }

    @Override
    public int featureCount() {
        return featureCount;
    }

    public int maxSamples() {
        return maxSamples;
    }

    public List<IsolationTree> trees() {
        return trees;
    }

    public FeatureStats stats() {
        return stats;
    }

    @Override
    public double score(double[] row) {
        if (row.length != featureCount) {
            throw new IllegalArgumentException("row has " + row.length + " features, model expects " + featureCount);
        }
        if (compiled != null) return toScore(compiled.pathSum(row));
        float[] x = new float[featureCount];
        for (int f = 0; f < featureCount; f++) x[f] = (float) row[f];
        return toScore(explicitPathSum(x));
    }

    @Override
    public void score(double[] rows, int rowCount, double[] out) {
        if (rowCount < 0 || (long) rowCount * featureCount > rows.length || out.length < rowCount) {
            throw new IllegalArgumentException(rowCount + " rows do not fit the input or output array");
        }
        if (compiled == null) {
            scoreExplicit(rows, rowCount, out);
            return;
        }
        compiled.pathSums(rows, rowCount, out);
        for (int r = 0; r < rowCount; r++) out[r] = toScore(out[r]);
    }

    /** The reference walk over the explicit trees; also the path for forests too deep to compile. */
    public void scoreExplicit(double[] rows, int rowCount, double[] out) {
        float[] x = new float[featureCount];
        for (int r = 0; r < rowCount; r++) {
            for (int f = 0; f < featureCount; f++) x[f] = (float) rows[r * featureCount + f];
            out[r] = toScore(explicitPathSum(x));
        }
    }

    /** True when scores come from the layout (MaskForest), bit-identical to the explicit walk. */
    public boolean isCompiled() {
        return compiled != null;
    }

    /** The scoring layout, null when the forest is scored on its explicit trees. */
    public MaskForest layout() {
        return compiled;
    }

    private double explicitPathSum(float[] x) {
        double acc = 0;
        for (IsolationTree t : trees) acc += t.value(t.leafOf(x));
        return acc;
    }

    /** s = 2^(-E[h] / c(ψ)) with E[h] = sum / trees (sklearn {@code _compute_score_samples}). */
    private double toScore(double pathSum) {
        return Math.pow(2.0, pathSum * negInvNorm);
    }
}

package dev.riskplatform.core.forest;

import dev.riskplatform.core.scoring.Scorer;
import java.util.Objects;

/**
 * The served scorer "tail-blend": the Isolation Forest's score weighted by how far the row lies
 * in the tail of its most extreme feature,
 * <pre>
 *   T(x) = max_f |x_f − c_f| / h_f,   c_f = (p99_f + p01_f) / 2,   h_f = (p99_f − p01_f) / 2
 *   score(x) = T(x) · sqrt(s_IF(x))
 * </pre>
 * with p01/p99 the feature's 1st/99th training percentiles ({@link FeatureStats}): T = 1 is the edge
 * of the typical range, T = 3 three half-ranges beyond its centre. T keeps the size of an
 * extreme that the forest's isolation depth saturates on (a 6σ and a 20σ jump isolate alike);
 * the forest damps rows that are extreme in a way the training data shows often and lifts rows
 * unusual in several features at once. Both factors come from the training rows only, so the
 * scorer is as calibrated to its symbol as the forest is. Higher = more anomalous; ranking is
 * unchanged by scaling either factor.
 */
public final class TailBlend implements Scorer {

    private final IsolationForest forest;
    private final double[] centre, invHalfRange;

    public TailBlend(IsolationForest forest) {
        this.forest = Objects.requireNonNull(forest, "forest");
        FeatureStats s = forest.stats();
        int d = forest.featureCount();
        centre = new double[d];
        invHalfRange = new double[d];
        for (int f = 0; f < d; f++) {
            centre[f] = (s.p99(f) + s.p01(f)) / 2;
            double h = (s.p99(f) - s.p01(f)) / 2;
            invHalfRange[f] = h > 0 ? 1.0 / h : 0.0; // a feature constant in training cannot tell rows apart
        }
    }

    public IsolationForest forest() {
        return forest;
    }

    @Override
    public int featureCount() {
        return forest.featureCount();
    }

    @Override
    public double score(double[] row) {
        return tail(row, 0) * Math.sqrt(forest.score(row));
    }

    @Override
    public void score(double[] rows, int rowCount, double[] out) {
        forest.score(rows, rowCount, out);
        int d = featureCount();
        for (int r = 0; r < rowCount; r++) out[r] = tail(rows, r * d) * Math.sqrt(out[r]);
    }

    /** T(x) of the row at {@code rows[offset..]}. */
    double tail(double[] rows, int offset) {
        double t = 0;
        for (int f = 0; f < centre.length; f++) t = Math.max(t, Math.abs(rows[offset + f] - centre[f]) * invHalfRange[f]);
        return t;
    }
}

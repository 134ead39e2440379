package dev.riskplatform.core.explain;

import dev.riskplatform.core.forest.FeatureStats;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.forest.tree.IsolationTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Attributes an Isolation Forest score to features by "bits of isolation": on the row's path
 * through each tree, a split on feature f that takes the row from a node of n samples to a child
 * of m samples credits f with log2(n / m). Over one path the credits add up to log2(ψ / n_leaf),
 * i.e. how far the splits isolated the row, so a split that cuts the row off from almost every
 * sample weighs far more than a routine halving. Credits are summed over trees and normalised
 * to 1. It walks the explicit trees: explaining is rare and not on the scoring hot path.
 */
public final class Explainer {

    private final IsolationForest model;
    private final List<String> names;

    public Explainer(IsolationForest model, List<String> featureNames) {
        if (featureNames.size() != model.featureCount()) {
            throw new IllegalArgumentException(featureNames.size() + " names for " + model.featureCount() + " features");
        }
        this.model = model;
        this.names = List.copyOf(featureNames);
    }

    public Explanation explain(double[] row) {
        double[] credit = credits(row);
        double total = 0;
        for (double c : credit) total += c;
        FeatureStats s = model.stats();
        List<FeatureContribution> out = new ArrayList<>();
        for (int f = 0; f < credit.length; f++) {
            double share = total > 0 ? credit[f] / total : 0.0;
            out.add(new FeatureContribution(f, names.get(f), row[f], s.p01(f), s.p99(f), s.zScore(f, row[f]), share));
        }
        out.sort(Comparator.comparingDouble(FeatureContribution::contribution).reversed());
        return new Explanation(model.score(row), out);
    }

    /** Sum over trees and path splits of log2(samples(node) / samples(child taken)). */
    double[] credits(double[] row) {
        float[] x = new float[model.featureCount()];
        for (int f = 0; f < x.length; f++) x[f] = (float) row[f];
        double[] credit = new double[x.length];
        for (IsolationTree t : model.trees()) {
            int i = 0;
            while (!t.isLeaf(i)) {
                int child = x[t.feature(i)] <= t.split(i) ? t.left(i) : t.right(i);
                credit[t.feature(i)] += log2((double) t.samples(i) / t.samples(child));
                i = child;
            }
        }
        return credit;
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2.0);
    }
}

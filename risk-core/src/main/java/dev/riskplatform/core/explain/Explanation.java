package dev.riskplatform.core.explain;

import java.util.List;

/**
 * Why a row scored as it did: the score and the features by falling contribution.
 *
 * @param score         the model's score of the row
 * @param contributions every feature, largest contribution first
 */
public record Explanation(double score, List<FeatureContribution> contributions) {

    public Explanation {
        contributions = List.copyOf(contributions);
    }

    /** The k features that did most to isolate the row. */
    public List<FeatureContribution> top(int k) {
        return contributions.subList(0, Math.min(k, contributions.size()));
    }
}

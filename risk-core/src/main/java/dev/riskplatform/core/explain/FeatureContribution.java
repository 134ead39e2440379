package dev.riskplatform.core.explain;

/**
 * One feature's part in a score.
 *
 * @param feature      column index
 * @param name         feature name
 * @param value        the row's value
 * @param typicalLow   1st percentile in training
 * @param typicalHigh  99th percentile in training
 * @param zScore       (value - training mean) / training std
 * @param contribution share of the isolation credited to this feature; shares sum to 1
 */
public record FeatureContribution(int feature, String name, double value, double typicalLow, double typicalHigh,
                                  double zScore, double contribution) {
}

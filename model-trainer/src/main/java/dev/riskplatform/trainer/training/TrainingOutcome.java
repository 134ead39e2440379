package dev.riskplatform.trainer.training;

/**
 * What one training run did: the version registered, whether it was promoted (and why not),
 * the dataset it used and the figures validation judged.
 */
public record TrainingOutcome(String model, int version, boolean promoted, String reason, String artifactKey, String sha256,
                              String datasetKey, boolean datasetReused, int trainRows, int holdoutRows, double threshold,
                              double holdoutAlertRate, boolean eventPublished) {
}

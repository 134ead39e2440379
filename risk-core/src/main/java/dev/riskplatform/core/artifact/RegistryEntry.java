package dev.riskplatform.core.artifact;

import dev.riskplatform.core.features.FeatureSpec;
import java.util.Objects;

/**
 * One registered model version, as listed in {@code models/<name>/registry.json}
 * (docs/storage.md). {@code reason} says why a version was not promoted.
 */
public record RegistryEntry(int version, String artifactKey, String sha256, String modelType,
                            FeatureSpec featureSpec, boolean promoted, String reason, long registeredAt) {

    public RegistryEntry {
        if (version < 1) throw new IllegalArgumentException("model version must be >= 1, got " + version);
        Objects.requireNonNull(artifactKey, "artifactKey");
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(modelType, "modelType");
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
    }
}

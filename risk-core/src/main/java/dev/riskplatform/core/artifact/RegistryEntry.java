package dev.riskplatform.core.artifact;

import dev.riskplatform.core.features.FeatureSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One registered model version, as listed in {@code models/<name>/registry.json}
 * (docs/storage.md). {@code reason} says why a version was not promoted.
 *
 * @param scorer     which score serves this version: {@link #ISOLATION_FOREST} or {@link #TAIL_BLEND} (both
 *                   from the forest at {@code artifactKey}, whose own {@code scorer} must agree; an entry without
 *                   the member means the forest), {@link #AUTOENCODER} or {@link #COMBINATION} (both need an
 *                   autoencoder companion; recorded by evaluation, not served by the detector or the batch)
 * @param companions further artifacts of this version (e.g. the autoencoder), each verified by its own hash
 */
public record RegistryEntry(int version, String artifactKey, String sha256, String modelType,
                            FeatureSpec featureSpec, boolean promoted, String reason, long registeredAt,
                            String scorer, List<Companion> companions) {

    public static final String ISOLATION_FOREST = "isolation-forest";
    /** The forest's score weighted by the row's largest feature tail: {@code ServedScorer.TAIL_BLEND}. */
    public static final String TAIL_BLEND = "tail-blend";
    public static final String AUTOENCODER = "autoencoder";
    /** max(s_IF / t_IF, s_AE / t_AE): see docs/evaluation.md. */
    public static final String COMBINATION = "if-ae-max";
    public static final Set<String> SCORERS = Set.of(ISOLATION_FOREST, TAIL_BLEND, AUTOENCODER, COMBINATION);

    /** Another artifact of the same version, stored beside the main one. */
    public record Companion(String modelType, String artifactKey, String sha256) {
        public Companion {
            Objects.requireNonNull(modelType, "modelType");
            Objects.requireNonNull(artifactKey, "artifactKey");
            requireSha(sha256);
        }
    }

    public RegistryEntry {
        if (version < 1) throw new IllegalArgumentException("model version must be >= 1, got " + version);
        Objects.requireNonNull(artifactKey, "artifactKey");
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(modelType, "modelType");
        requireSha(sha256);
        if (scorer == null) scorer = ISOLATION_FOREST;
        companions = companions == null ? List.of() : List.copyOf(companions);
        if (!SCORERS.contains(scorer)) throw new IllegalArgumentException("scorer must be one of " + SCORERS + ", got " + scorer);
        if ((scorer.equals(AUTOENCODER) || scorer.equals(COMBINATION)) && companions.stream().noneMatch(c -> c.modelType().equals(AUTOENCODER))) {
            throw new IllegalArgumentException("scorer " + scorer + " needs an " + AUTOENCODER + " companion");
        }
    }

    /** An Isolation Forest entry without companions (the registry before the autoencoder). */
    public RegistryEntry(int version, String artifactKey, String sha256, String modelType, FeatureSpec featureSpec,
                         boolean promoted, String reason, long registeredAt) {
        this(version, artifactKey, sha256, modelType, featureSpec, promoted, reason, registeredAt, ISOLATION_FOREST, List.of());
    }

    public Optional<Companion> companion(String modelType) {
        return companions.stream().filter(c -> c.modelType().equals(modelType)).findFirst();
    }

    private static void requireSha(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("sha256 must be 64 lower-case hex digits, got " + sha256);
        }
    }
}

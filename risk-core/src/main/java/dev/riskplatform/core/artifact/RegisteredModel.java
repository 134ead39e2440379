package dev.riskplatform.core.artifact;

/**
 * An artifact that was checked against its registry entry: its own content hash verifies, it is
 * the very artifact the registry named (same SHA-256) and it was trained on the entry's spec.
 */
public record RegisteredModel(String model, RegistryEntry entry, ModelArtifact artifact) {

    public static RegisteredModel verify(String model, RegistryEntry entry, byte[] artifactBytes) throws ModelArtifactException {
        ModelArtifact artifact = ArtifactReader.parse(artifactBytes);
        String stored = ContentHash.storedHex(artifactBytes);
        if (!stored.equals(entry.sha256())) {
            throw new ModelArtifactException("artifact " + entry.artifactKey() + " has content hash " + stored
                    + " but the registry lists " + entry.sha256() + " for " + model + " v" + entry.version());
        }
        artifact.requireSpec(entry.featureSpec());
        // The threshold and summary in the artifact are of one score: serving another would mis-threshold every bar.
        if (!entry.scorer().equals(artifact.scorer().id())) {
            throw new ModelArtifactException(model + " v" + entry.version() + " is registered to serve " + entry.scorer()
                    + " but its artifact's threshold is for " + artifact.scorer().id());
        }
        return new RegisteredModel(model, entry, artifact);
    }

    /**
     * The autoencoder companion of {@code entry}, checked like the main artifact: its own hash verifies,
     * equals the companion's {@code sha256}, and it was trained on the entry's feature spec.
     */
    public static AutoencoderArtifact verifyAutoencoder(String model, RegistryEntry entry, byte[] bytes) throws ModelArtifactException {
        RegistryEntry.Companion c = entry.companion(RegistryEntry.AUTOENCODER).orElseThrow(() -> new ModelArtifactException(
                model + " v" + entry.version() + " lists no " + RegistryEntry.AUTOENCODER + " companion"));
        AutoencoderArtifact artifact = AutoencoderArtifact.parse(bytes);
        String stored = ContentHash.storedHex(bytes);
        if (!stored.equals(c.sha256())) {
            throw new ModelArtifactException("artifact " + c.artifactKey() + " has content hash " + stored
                    + " but the registry lists " + c.sha256() + " for " + model + " v" + entry.version());
        }
        return artifact.requireSpec(entry.featureSpec());
    }

    /** The content hash of a sealed artifact document (as listed in a registry entry). */
    public static String contentHash(byte[] artifactBytes) throws ModelArtifactException {
        ContentHash.verify(artifactBytes);
        return ContentHash.storedHex(artifactBytes);
    }

    public int version() {
        return entry.version();
    }
}

package dev.riskplatform.service.registry;

import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.RegistryDocument;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * The model registry in S3 (docs/storage.md): versions are claimed with If-None-Match and the
 * registry document is replaced with If-Match, so concurrent trainers never overwrite each other;
 * readers get only artifacts that verify against their registry entry.
 */
@ApplicationScoped
public class ModelRegistryStore {

    private static final int MAX_ATTEMPTS = 20;
    private static final String JSON = "application/json";

    private final ObjectStore store;

    public ModelRegistryStore(ObjectStore store) {
        this.store = store;
    }

    public static String registryKey(String model) {
        return "models/" + model + "/registry.json";
    }

    public static String versionPrefix(String model, int version) {
        return "models/" + model + "/v" + version + "/";
    }

    /**
     * Names of the models whose registry.json exists and whose name starts with {@code namePrefix}
     * (e.g. every per-symbol model of a base, risk-core SymbolModels), from one paginated listing.
     */
    public java.util.List<String> modelsNamed(String namePrefix) {
        String root = "models/";
        return store.list(root + namePrefix).stream().map(o -> o.key())
                .filter(k -> k.endsWith("/registry.json") && k.indexOf('/', root.length()) == k.length() - "/registry.json".length())
                .map(k -> k.substring(root.length(), k.length() - "/registry.json".length()))
                .toList();
    }

    public Optional<RegistryDocument> read(String model) throws ModelArtifactException {
        Optional<byte[]> bytes = store.get(registryKey(model));
        return bytes.isEmpty() ? Optional.empty() : Optional.of(RegistryDocument.parse(bytes.get()));
    }

    /** The promoted version, verified; an error with the reason when there is none or it does not verify. */
    public RegisteredModel loadPromoted(String model) throws ModelArtifactException {
        RegistryDocument doc = read(model).orElseThrow(() -> new ModelArtifactException(
                "no registry at s3://" + store.bucket() + "/" + registryKey(model) + " (no model trained yet?)"));
        RegistryEntry entry = doc.promoted().orElseThrow(() -> new ModelArtifactException(
                "registry of " + model + " has no promoted version"));
        return load(model, entry);
    }

    public RegisteredModel load(String model, RegistryEntry entry) throws ModelArtifactException {
        byte[] bytes = store.get(entry.artifactKey()).orElseThrow(() -> new ModelArtifactException(
                "artifact " + entry.artifactKey() + " listed for " + model + " v" + entry.version() + " is missing"));
        return RegisteredModel.verify(model, entry, bytes);
    }

    /**
     * Stores the artifact under the next free version and lists it in the registry.
     *
     * @param entryFor builds the entry once the version is known (key and number filled in)
     * @param sideFiles written beside the artifact before it is listed (e.g. the model card), name → bytes
     */
    public RegistryEntry register(String model, byte[] artifact, java.util.function.IntFunction<RegistryEntry> entryFor,
            Map<String, byte[]> sideFiles) throws ModelArtifactException {
        RegisteredModel.contentHash(artifact); // refuse to store what no reader would accept
        int version = claimVersion(model, artifact);
        sideFiles.forEach((name, bytes) -> store.put(versionPrefix(model, version) + name, bytes, contentType(name)));
        RegistryEntry entry = entryFor.apply(version);
        if (entry.version() != version || !entry.artifactKey().equals(artifactKey(model, version))) {
            throw new IllegalArgumentException("entry must name v" + version + " at " + artifactKey(model, version));
        }
        listInRegistry(model, entry);
        return entry;
    }

    public static String artifactKey(String model, int version) {
        return versionPrefix(model, version) + "model.json";
    }

    private int claimVersion(String model, byte[] artifact) throws ModelArtifactException {
        int version = read(model).map(RegistryDocument::nextVersion).orElse(1);
        for (int i = 0; i < MAX_ATTEMPTS; i++, version++) {
            if (store.putIfAbsent(artifactKey(model, version), artifact, JSON)) return version;
        }
        throw new ModelArtifactException("could not claim a version of " + model + " after " + MAX_ATTEMPTS + " attempts");
    }

    private void listInRegistry(String model, RegistryEntry entry) throws ModelArtifactException {
        String key = registryKey(model);
        for (int i = 0; i < MAX_ATTEMPTS; i++) {
            Optional<ObjectStore.Versioned> current = store.getVersioned(key);
            RegistryDocument doc = current.isPresent() ? RegistryDocument.parse(current.get().bytes()) : RegistryDocument.empty(model);
            // Our write landed but its reply was lost, and the client's retry of it got the 412 (seen in CI).
            if (doc.version(entry.version()).filter(e -> e.sha256().equals(entry.sha256())).isPresent()) return;
            byte[] next = doc.with(entry).toJson();
            boolean written = current.isPresent()
                    ? store.putIfMatch(key, current.get().etag(), next, JSON)
                    : store.putIfAbsent(key, next, JSON);
            if (written) return;
            // another writer changed the registry between our read and write (HTTP 412): read again
        }
        throw new ModelArtifactException("registry " + key + " kept changing; gave up after " + MAX_ATTEMPTS + " attempts");
    }

    private static String contentType(String name) {
        return name.endsWith(".json") ? JSON : name.endsWith(".md") ? "text/markdown" : "application/octet-stream";
    }
}

package dev.riskplatform.trainer.registry;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.io.topic.ModelRegistryMessage;
import dev.riskplatform.service.registry.ModelRegistryStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Steps 1-4 of docs/storage.md "Registering version N": the store claims the version, puts the
 * card beside the artifact and lists it in registry.json (conditional writes); then the event goes
 * to {@code model_registry}. The registry is the truth: an event that cannot be sent is logged and
 * reported, and the detector's registry poll still finds the version.
 */
@ApplicationScoped
public class ModelRegistration {

    private static final Logger LOG = Logger.getLogger(ModelRegistration.class);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
    public static final String AUTOENCODER_FILE = "autoencoder.json";

    private final ModelRegistryStore store;
    private final RegistryEventPublisher publisher;

    public ModelRegistration(ModelRegistryStore store, RegistryEventPublisher publisher) {
        this.store = store;
        this.publisher = publisher;
    }

    public record Registered(RegistryEntry entry, boolean eventPublished) {
    }

    public Registered register(String model, byte[] artifact, FeatureSpec spec, boolean promoted, String reason,
                               Map<String, byte[]> sideFiles) throws ModelArtifactException {
        return register(model, artifact, spec, promoted, reason, sideFiles, null);
    }

    /**
     * As above; a non-null {@code autoencoder} (a sealed riskplatform-autoencoder document) is stored as
     * {@value #AUTOENCODER_FILE} beside the forest and listed as the entry's companion. The entry's scorer is the
     * forest artifact's own (isolation-forest or tail-blend): the autoencoder is compared in the card, not served.
     */
    public Registered register(String model, byte[] artifact, FeatureSpec spec, boolean promoted, String reason,
                               Map<String, byte[]> sideFiles, byte[] autoencoder) throws ModelArtifactException {
        String sha = RegisteredModel.contentHash(artifact);
        String scorer = ModelArtifact.parse(artifact).scorer().id();
        String aeSha = autoencoder == null ? null : RegisteredModel.contentHash(autoencoder);
        Map<String, byte[]> files = new java.util.LinkedHashMap<>(sideFiles);
        if (autoencoder != null) files.put(AUTOENCODER_FILE, autoencoder);
        long now = System.currentTimeMillis();
        RegistryEntry entry = store.register(model, artifact, v -> new RegistryEntry(v, ModelRegistryStore.artifactKey(model, v), sha,
                ModelArtifact.MODEL_TYPE, spec, promoted, promoted ? null : reason, now, scorer,
                aeSha == null ? List.of() : List.of(new RegistryEntry.Companion(RegistryEntry.AUTOENCODER,
                        ModelRegistryStore.versionPrefix(model, v) + AUTOENCODER_FILE, aeSha))), files);
        LOG.infof("registered %s v%d (%s)%s", model, entry.version(), entry.artifactKey(), promoted ? ", promoted" : ", not promoted: " + reason);
        return new Registered(entry, publish(model, entry));
    }

    private boolean publish(String model, RegistryEntry entry) {
        try {
            publisher.publish(model, ModelRegistryMessage.toJson(model, entry)).await().atMost(SEND_TIMEOUT);
            return true;
        } catch (RuntimeException e) {
            LOG.errorf(e, "registered %s v%d but could not publish its model_registry event", model, entry.version());
            return false;
        }
    }
}

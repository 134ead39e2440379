package dev.riskplatform.batch.processing;

import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.service.registry.ModelRegistryStore;
import jakarta.enterprise.context.ApplicationScoped;

/** The promoted, verified model from the registry; refused unless its spec's interval is the data's. */
@ApplicationScoped
public class ModelLoader {

    private final ModelRegistryStore registry;

    public ModelLoader(ModelRegistryStore registry) {
        this.registry = registry;
    }

    public RegisteredModel load(String model, BarInterval dataInterval) {
        RegisteredModel m;
        try {
            m = registry.loadPromoted(model);
        } catch (ModelArtifactException e) {
            throw new BatchModelException("cannot load the promoted model " + model + ": " + e.getMessage(), e);
        }
        BarInterval modelInterval = m.artifact().featureSpec().interval();
        if (!modelInterval.equals(dataInterval)) {
            throw new BatchModelException("model " + model + " v" + m.version() + " was trained on " + modelInterval
                    + " bars but the batch reads " + dataInterval + " bars: its features would mean something else", null);
        }
        return m;
    }

    public static final class BatchModelException extends RuntimeException {
        public BatchModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

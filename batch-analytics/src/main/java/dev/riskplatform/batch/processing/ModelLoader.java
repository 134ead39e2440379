package dev.riskplatform.batch.processing;

import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.RegistryDocument;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.artifact.SymbolModels;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.service.registry.ModelRegistryStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The promoted, verified model that scores a symbol, chosen as the detector chooses (risk-core SymbolModels):
 * the symbol's own model {@code <base>-<symbol>} when its registry has a promoted version, else the base
 * (market-wide default) model. Refused unless its spec's interval is the data's, and a symbol's own model
 * unless its feature spec is the default's (the detector refuses it too, so the two would score differently).
 */
@ApplicationScoped
public class ModelLoader {

    private final ModelRegistryStore registry;

    public ModelLoader(ModelRegistryStore registry) {
        this.registry = registry;
    }

    /** {@code symbol}'s own promoted model under {@code base}, else {@code base}'s. */
    public RegisteredModel loadFor(String base, String symbol, BarInterval dataInterval) {
        Optional<RegistryEntry> own = ownEntry(base, symbol);
        if (own.isEmpty()) return load(base, dataInterval);
        String name = SymbolModels.nameFor(base, symbol);
        RegistryEntry fallback = promoted(base).orElseThrow(() -> new BatchModelException(
                "cannot load the promoted model " + base + ": registry of " + base + " has no promoted version", null));
        if (!own.get().featureSpec().equals(fallback.featureSpec())) {
            throw new BatchModelException(name + " v" + own.get().version() + " computes " + own.get().featureSpec()
                    + " but the default " + base + " computes " + fallback.featureSpec() + ": the detector refuses it, so does the batch", null);
        }
        return load(name, dataInterval);
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

    /** The promoted entry of the symbol's own model; empty when it has none (or the rule cannot name the symbol). */
    private Optional<RegistryEntry> ownEntry(String base, String symbol) {
        String name;
        try {
            name = SymbolModels.nameFor(base, symbol);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return promoted(name);
    }

    private Optional<RegistryEntry> promoted(String model) {
        try {
            return registry.read(model).flatMap(RegistryDocument::promoted);
        } catch (ModelArtifactException e) {
            throw new BatchModelException("registry of " + model + " is unreadable: " + e.getMessage(), e);
        }
    }

    public static final class BatchModelException extends RuntimeException {
        public BatchModelException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}

package dev.riskplatform.trainer.training;

import java.util.List;

/**
 * What a request for several symbols' own models did: the models trained (each registered, promoted or not) and
 * the symbols refused, each with the reason and the model that keeps scoring it.
 */
public record SymbolOutcomes(List<TrainingOutcome> trained, List<Refused> refused) {

    public SymbolOutcomes {
        trained = List.copyOf(trained);
        refused = List.copyOf(refused);
    }

    /** A symbol whose own model was not trained (nothing registered): {@code fallbackModel} scores it. */
    public record Refused(String symbol, String model, String reason, String fallbackModel) {
    }
}

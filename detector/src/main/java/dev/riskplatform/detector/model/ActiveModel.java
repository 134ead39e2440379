package dev.riskplatform.detector.model;

import dev.riskplatform.core.risk.ScoringModel;
import java.time.Instant;

/** The model serving now: immutable, swapped as a whole through an AtomicReference. */
public record ActiveModel(ScoringModel scoring, String sha256, Instant loadedAt) {

    public long version() {
        return scoring.version();
    }
}

package dev.riskplatform.core.artifact;

import java.time.Instant;
import java.util.Objects;

/**
 * Provenance of a model: what data it saw and what built it.
 *
 * @param fromEpochMillis first bar open time in the training data (inclusive)
 * @param toEpochMillis   last bar open time in the training data (inclusive)
 * @param rowCount        training rows
 * @param seed            RNG seed, or null when unknown (e.g. sklearn fitted without random_state)
 * @param createdAt       when the artifact was made
 * @param codeVersion     version or commit of the code that fitted it
 */
public record TrainingInfo(long fromEpochMillis, long toEpochMillis, long rowCount, Long seed, Instant createdAt,
                           String codeVersion) {

    public TrainingInfo {
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(codeVersion, "codeVersion");
        if (toEpochMillis < fromEpochMillis) {
            throw new IllegalArgumentException("training range ends (" + toEpochMillis + ") before it starts (" + fromEpochMillis + ")");
        }
        if (rowCount < 1) throw new IllegalArgumentException("rowCount must be >= 1, got " + rowCount);
    }
}

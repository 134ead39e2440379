package dev.riskplatform.core.forest;

import dev.riskplatform.core.scoring.Scorer;
import java.util.Arrays;

/**
 * Which score of a fitted forest is served: its alert threshold, score summary, severity bands,
 * risk events and {@code processed/} rows are all of this score. Named in the model artifact
 * (member {@code scorer}) and in the registry entry, which must agree (docs/model-format.md).
 */
public enum ServedScorer {

    /** The forest's own score 2^(−E[h] / c(ψ)), in (0, 1]. */
    ISOLATION_FOREST("isolation-forest", 1.0),
    /** {@link TailBlend}: the forest's score weighted by the row's largest feature tail; unbounded above. */
    TAIL_BLEND("tail-blend", Double.POSITIVE_INFINITY);

    private final String id;
    private final double maxScore;

    ServedScorer(String id, double maxScore) {
        this.id = id;
        this.maxScore = maxScore;
    }

    public String id() {
        return id;
    }

    /** The largest score this scorer can give (severity bands are relative to it). */
    public double maxScore() {
        return maxScore;
    }

    public Scorer over(IsolationForest forest) {
        return this == ISOLATION_FOREST ? forest : new TailBlend(forest);
    }

    public static ServedScorer parse(String id) {
        for (ServedScorer s : values()) if (s.id.equals(id)) return s;
        throw new IllegalArgumentException("scorer must be one of "
                + Arrays.stream(values()).map(ServedScorer::id).toList() + ", got " + id);
    }
}

package dev.riskplatform.core.training;

import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.explain.Explainer;
import dev.riskplatform.core.explain.Explanation;
import dev.riskplatform.core.scoring.Scorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/** The k highest-scoring rows of a dataset with their times and explanations (for the model card). */
public final class TopAnomalies {

    public record Anomaly(long openTime, double close, double score, double[] features, Explanation explanation) {
    }

    private TopAnomalies() {
    }

    /** Ties are broken by earlier time, so the list is deterministic. */
    public static List<Anomaly> of(Scorer scorer, Explainer explainer, FeatureMatrix m, int k) {
        double[] scores = new double[m.rows()];
        scorer.score(m.values(), m.rows(), scores);
        List<Anomaly> out = new ArrayList<>();
        IntStream.range(0, m.rows()).boxed()
                .sorted(Comparator.<Integer>comparingDouble(r -> -scores[r]).thenComparingLong(r -> m.openTimes()[r]))
                .limit(k)
                .forEach(r -> {
                    double[] row = m.row(r).values();
                    out.add(new Anomaly(m.openTimes()[r], m.closes()[r], scores[r], row, explainer.explain(row)));
                });
        return out;
    }
}

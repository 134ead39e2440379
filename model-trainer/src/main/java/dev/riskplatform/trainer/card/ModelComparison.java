package dev.riskplatform.trainer.card;

import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.autoencoder.ScoreCombination;
import dev.riskplatform.core.eval.Metrics;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.scoring.Scorer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Isolation Forest, autoencoder and their combination c = max(s_IF / t_IF, s_AE / t_AE) on the
 * holdout: alert rates at each one's threshold (label-free) and ranking quality on the holdout with
 * injected jumps ({@link InjectedJumps}). The serving scorer stays the Isolation Forest: the detector
 * scores only that today, so a better autoencoder is reported here, not deployed.
 */
final class ModelComparison {

    static final String SERVING_REASON = "the detector scores the Isolation Forest only; the autoencoder is stored beside it "
            + "(companion in registry.json) and compared here";

    private ModelComparison() {
    }

    /** A model kind scored with its own threshold (the combination's is 1). */
    record Candidate(String kind, Scorer scorer, double threshold) {
    }

    static ModelCard.Comparison compare(FeatureSpec spec, FeatureMatrix all, int holdoutFrom, FeatureMatrix holdout,
                                        Candidate forest, Candidate autoencoder, long seed) {
        InjectedJumps injected = InjectedJumps.of(spec, all, holdoutFrom, seed);
        List<ModelCard.Compared> rows = new ArrayList<>();
        double[] ifHold = scores(forest.scorer(), holdout), aeHold = scores(autoencoder.scorer(), holdout);
        double[] comb = ScoreCombination.max(ifHold, forest.threshold(), aeHold, autoencoder.threshold());
        double[][] jumpScores = injected == null ? null : jumpScores(injected.holdout(), forest, autoencoder);
        String[] kinds = {RegistryEntry.ISOLATION_FOREST, RegistryEntry.AUTOENCODER, RegistryEntry.COMBINATION};
        double[][] hold = {ifHold, aeHold, comb};
        double[] thresholds = {forest.threshold(), autoencoder.threshold(), 1.0};
        for (int k = 0; k < 3; k++) rows.add(row(kinds[k], thresholds[k], hold[k], jumpScores == null ? null : jumpScores[k], injected));
        String best = injected == null ? null : rows.stream().max(Comparator.comparingDouble(ModelCard.Compared::averagePrecision)).orElseThrow().kind();
        return new ModelCard.Comparison(RegistryEntry.ISOLATION_FOREST, SERVING_REASON, best, injected == null ? 0 : injected.jumps(),
                holdout.rows(), jaccard(ifHold, forest.threshold(), aeHold, autoencoder.threshold()), rows);
    }

    private static double[][] jumpScores(FeatureMatrix m, Candidate forest, Candidate ae) {
        double[] f = scores(forest.scorer(), m), a = scores(ae.scorer(), m);
        return new double[][] {f, a, ScoreCombination.max(f, forest.threshold(), a, ae.threshold())};
    }

    private static ModelCard.Compared row(String kind, double threshold, double[] holdout, double[] jumps, InjectedJumps inj) {
        int alerts = 0;
        for (double s : holdout) if (s > threshold) alerts++;
        double rate = (double) alerts / holdout.length;
        if (jumps == null) return new ModelCard.Compared(kind, threshold, rate, null, null, null);
        return new ModelCard.Compared(kind, threshold, rate, Metrics.rocAuc(jumps, inj.labels()),
                Metrics.averagePrecision(jumps, inj.labels()), Metrics.precisionAtK(jumps, inj.labels(), inj.jumps()));
    }

    /** |A_IF ∩ A_AE| / |A_IF ∪ A_AE| over holdout alerts (1 when neither alerts). */
    private static double jaccard(double[] f, double tf, double[] a, double ta) {
        int both = 0, either = 0;
        for (int i = 0; i < f.length; i++) {
            boolean x = f[i] > tf, y = a[i] > ta;
            if (x && y) both++;
            if (x || y) either++;
        }
        return either == 0 ? 1.0 : (double) both / either;
    }

    private static double[] scores(Scorer s, FeatureMatrix m) {
        double[] out = new double[m.rows()];
        s.score(m.values(), m.rows(), out);
        return out;
    }
}

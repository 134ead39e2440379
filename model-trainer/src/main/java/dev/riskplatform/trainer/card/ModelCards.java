package dev.riskplatform.trainer.card;

import dev.riskplatform.core.artifact.AutoencoderArtifact;
import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.explain.Explainer;
import dev.riskplatform.core.training.HoldoutSplit;
import dev.riskplatform.core.training.ModelFitter;
import dev.riskplatform.core.training.ScoreHistogram;
import dev.riskplatform.core.training.TopAnomalies;
import dev.riskplatform.core.training.TrainingConfig;
import dev.riskplatform.core.training.Validation;
import dev.riskplatform.trainer.autoencoder.AutoencoderFitter;
import dev.riskplatform.trainer.autoencoder.AutoencoderParams;
import dev.riskplatform.trainer.dataset.DatasetRequest;
import dev.riskplatform.trainer.dataset.FeatureDataset;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Assembles a {@link ModelCard} from what training produced. */
public final class ModelCards {

    static final int HISTOGRAM_BINS = 20;

    private ModelCards() {
    }

    public static ModelCard build(String model, DatasetRequest req, FeatureDataset dataset, HoldoutSplit split,
                                  ModelFitter.Fitted fitted, String sha256, Validation v, TrainingConfig cfg, int topK) {
        return build(model, req, dataset, split, fitted, sha256, v, cfg, topK, null, null);
    }

    public static ModelCard build(String model, DatasetRequest req, FeatureDataset dataset, HoldoutSplit split,
                                  ModelFitter.Fitted fitted, String sha256, Validation v, TrainingConfig cfg, int topK,
                                  ModelCard.AutoencoderInfo ae, ModelCard.Comparison comparison) {
        ModelArtifact a = fitted.artifact();
        double hi = a.scorer().maxScore() == 1.0 ? 1.0 : Math.max(a.trainingScores().max(), 2 * a.threshold().value());
        ScoreHistogram h = ScoreHistogram.of(fitted.trainingScores(), 0.0, hi, HISTOGRAM_BINS);
        List<String> names = a.featureSpec().featureNames();
        List<ModelCard.Anomaly> top = TopAnomalies.of(a.servedScorer(), new Explainer(a.model(), names), dataset.matrix(), topK)
                .stream().map(t -> anomaly(t, names)).toList();
        return new ModelCard(model, sha256, a.training().createdAt().toString(), spec(a.featureSpec()),
                data(req, dataset, split), parameters(cfg, a), new ModelCard.Threshold(a.threshold().value(), "alerts-per-day", cfg.alertRate(),
                        a.scorer().id(), cfg.alertRate() * a.featureSpec().barsPerDay()),
                a.trainingScores(), new ModelCard.Holdout(v.passed(), v.reason(), v.holdoutAlertRate(), v.holdoutScores()),
                new ModelCard.Histogram(h.lo(), h.hi(), h.counts()), top, ae, comparison);
    }

    public static ModelCard.AutoencoderInfo autoencoder(AutoencoderFitter.Fitted ae, String sha256, AutoencoderParams p, long millis) {
        AutoencoderArtifact a = ae.artifact();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epochs", p.epochs());
        m.put("batchSize", p.batchSize());
        m.put("learningRate", p.learningRate());
        m.put("maxRows", p.maxRows());
        m.put("seed", p.seed());
        m.put("contamination", p.alertRate());
        return new ModelCard.AutoencoderInfo(sha256, a.model().layerSizes(), m, a.threshold().value(), a.trainingScores(), millis);
    }

    /** IF vs autoencoder vs combination on the holdout (see {@link ModelComparison}). */
    public static ModelCard.Comparison compare(FeatureSpec spec, FeatureMatrix all, HoldoutSplit split, ModelFitter.Fitted forest,
                                               AutoencoderFitter.Fitted ae, long seed) {
        return ModelComparison.compare(spec, all, split.train().rows(), split.holdout(),
                new ModelComparison.Candidate(RegistryEntry.ISOLATION_FOREST, forest.artifact().model(), forest.artifact().threshold().value()),
                new ModelComparison.Candidate(RegistryEntry.AUTOENCODER, ae.artifact().model(), ae.artifact().threshold().value()), seed);
    }

    public static Map<String, Object> spec(FeatureSpec s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", s.version());
        m.put("interval", s.interval().code());
        m.put("volatilityWindow", s.volatilityWindow());
        m.put("zScoreWindow", s.zScoreWindow());
        m.put("momentumWindow", s.momentumWindow());
        return m;
    }

    private static ModelCard.Data data(DatasetRequest r, FeatureDataset d, HoldoutSplit s) {
        FeatureMatrix t = s.train(), h = s.holdout();
        return new ModelCard.Data(r.symbol(), r.spec().interval().code(), r.from().toString(), r.to().toString(), d.key(), d.reused(),
                d.matrix().rows(), t.rows(), h.rows(), time(t.openTimes()[0]), time(t.openTimes()[t.rows() - 1]),
                time(h.openTimes()[0]), time(h.openTimes()[h.rows() - 1]));
    }

    private static Map<String, Object> parameters(TrainingConfig c, ModelArtifact a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("trees", c.trees());
        m.put("maxSamples", a.model().maxSamples());
        m.put("seed", c.seed());
        m.put("contamination", c.alertRate());
        m.put("holdoutFraction", c.holdoutFraction());
        m.put("alertRateFactor", c.alertRateFactor());
        m.put("minScoreSpread", c.minScoreSpread());
        return m;
    }

    private static ModelCard.Anomaly anomaly(TopAnomalies.Anomaly a, List<String> names) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (int i = 0; i < a.features().length; i++) f.put(names.get(i), a.features()[i]);
        List<ModelCard.Contribution> why = a.explanation().contributions().stream()
                .map(c -> new ModelCard.Contribution(c.name(), c.value(), c.typicalLow(), c.typicalHigh(), c.contribution())).toList();
        return new ModelCard.Anomaly(time(a.openTime()), a.openTime(), a.close(), a.score(), f, why);
    }

    static String time(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }
}

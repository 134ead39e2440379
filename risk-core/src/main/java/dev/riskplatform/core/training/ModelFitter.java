package dev.riskplatform.core.training;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.TrainingInfo;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.scoring.Threshold;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Fits an Isolation Forest on training features, thresholds the configured served score at the
 * operating point and seals both as an artifact (docs/model-format.md).
 */
public final class ModelFitter {

    private ModelFitter() {
    }

    /** The fitted artifact and its sealed bytes (what gets stored and hashed). */
    public record Fitted(ModelArtifact artifact, byte[] bytes, double[] trainingScores) {
    }

    public static Fitted fit(FeatureSpec spec, FeatureMatrix train, TrainingConfig cfg, Instant createdAt, String codeVersion) {
        IsolationForest model = IsolationForest.fit(train.values(), train.columns(),
                new IsolationForest.Params(cfg.trees(), cfg.maxSamples(), cfg.seed()));
        double[] scores = new double[train.rows()];
        cfg.scorer().over(model).score(train.values(), train.rows(), scores);
        // threshold = (1 − rate) quantile of the served training scores: about `rate` of training rows alert
        Threshold threshold = Threshold.fromContamination(scores, cfg.alertRate());
        TrainingInfo info = new TrainingInfo(train.openTimes()[0], train.openTimes()[train.rows() - 1], train.rows(),
                cfg.seed(), createdAt, codeVersion);
        ModelArtifact artifact = new ModelArtifact(spec, info, cfg.scorer(), threshold, ScoreSummary.of(scores), model);
        return new Fitted(artifact, bytes(artifact), scores);
    }

    static byte[] bytes(ModelArtifact a) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            a.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}

package dev.riskplatform.trainer.autoencoder;

import dev.riskplatform.core.artifact.AutoencoderArtifact;
import dev.riskplatform.core.artifact.TrainingInfo;
import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.scoring.Threshold;
import java.time.Instant;

/** Trains the autoencoder on the Isolation Forest's training rows and seals it as a riskplatform-autoencoder artifact. */
public final class AutoencoderFitter {

    private AutoencoderFitter() {
    }

    /** DL4J training, then the export: the returned model no longer needs DL4J. */
    public static Autoencoder train(double[] rows, int columns, AutoencoderParams p) {
        Dl4jAutoencoder.Trained t = Dl4jAutoencoder.fit(rows, columns, p);
        return Dl4jExport.toAutoencoder(t.network(), t.standardizer());
    }

    /** The sealed artifact, its bytes, and the pure-Java reconstruction errors of every training row. */
    public record Fitted(AutoencoderArtifact artifact, byte[] bytes, double[] trainingScores) {
    }

    public static Fitted fit(FeatureSpec spec, FeatureMatrix train, AutoencoderParams p, Instant createdAt, String codeVersion) {
        Autoencoder model = train(train.values(), train.columns(), p);
        double[] scores = new double[train.rows()];
        model.score(train.values(), train.rows(), scores);
        // threshold = (1 − rate) quantile of training reconstruction errors
        Threshold threshold = Threshold.fromContamination(scores, p.alertRate());
        TrainingInfo info = new TrainingInfo(train.openTimes()[0], train.openTimes()[train.rows() - 1], train.rows(), p.seed(),
                createdAt, codeVersion);
        AutoencoderArtifact a = new AutoencoderArtifact(spec, info, new AutoencoderArtifact.Hyperparameters(p.epochs(), p.batchSize(),
                p.learningRate()), threshold, ScoreSummary.of(scores), model);
        return new Fitted(a, a.toBytes(), scores);
    }
}

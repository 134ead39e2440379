package dev.riskplatform.trainer.autoencoder;

import dev.riskplatform.core.artifact.AutoencoderArtifact;
import dev.riskplatform.core.artifact.TrainingInfo;
import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.scoring.Threshold;
import java.time.Instant;

/** Exports and seals an already trained network (the parity test must not train twice). */
final class AutoencoderFitterTestSupport {

    private AutoencoderFitterTestSupport() {
    }

    static byte[] seal(Dl4jAutoencoder.Trained t, FeatureMatrix train, AutoencoderParams p) {
        Autoencoder model = Dl4jExport.toAutoencoder(t.network(), t.standardizer());
        double[] s = new double[train.rows()];
        model.score(train.values(), train.rows(), s);
        return new AutoencoderArtifact(FeatureSpec.v1Defaults(), new TrainingInfo(train.openTimes()[0], train.openTimes()[train.rows() - 1],
                train.rows(), p.seed(), Instant.EPOCH, "test"), new AutoencoderArtifact.Hyperparameters(p.epochs(), p.batchSize(),
                p.learningRate()), Threshold.fromContamination(s, p.alertRate()), ScoreSummary.of(s), model).toBytes();
    }
}

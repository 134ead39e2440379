package dev.riskplatform.core.artifact;

import dev.riskplatform.core.autoencoder.Activation;
import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.autoencoder.DenseLayer;
import dev.riskplatform.core.autoencoder.Standardizer;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.scoring.Threshold;
import java.time.Instant;
import java.util.List;

/** A tiny sealed autoencoder document (4 → 2 → 4) for registry tests. */
final class AutoencoderArtifactTestSupport {

    private AutoencoderArtifactTestSupport() {
    }

    static byte[] bytes() {
        Autoencoder m = new Autoencoder(new Standardizer(new double[4], new double[] {1, 1, 1, 1}), List.of(
                new DenseLayer(4, 2, new double[] {1, 0, 0, 0, 0, 1, 0, 0}, new double[2], Activation.TANH),
                new DenseLayer(2, 4, new double[] {1, 0, 0, 1, 0, 0, 0, 0}, new double[4], Activation.IDENTITY)));
        return new AutoencoderArtifact(FeatureSpec.v1Defaults(), new TrainingInfo(0L, 60_000L, 2, 1L, Instant.EPOCH, "test"),
                new AutoencoderArtifact.Hyperparameters(1, 1, 0.1), Threshold.fixed(1.0), new ScoreSummary(0, 0.1, 0.2, 0.3, 0.4, 0.1), m).toBytes();
    }
}

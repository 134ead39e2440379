package dev.riskplatform.core.artifact;

import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.scoring.Threshold;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A trained autoencoder as the detector side needs it: feature spec, provenance, how it was
 * trained, its alert threshold on the reconstruction error and the training error distribution.
 * One versioned, hashed JSON document ({@code riskplatform-autoencoder}, docs/model-format.md);
 * loading it needs no DL4J.
 */
public record AutoencoderArtifact(FeatureSpec featureSpec, TrainingInfo training, Hyperparameters hyperparameters,
                                  Threshold threshold, ScoreSummary trainingScores, Autoencoder model) {

    public static final String FORMAT = "riskplatform-autoencoder";
    public static final int FORMAT_VERSION = 1;
    public static final String MODEL_TYPE = "autoencoder";

    /** How the network was trained (provenance only: the forward pass does not need them). */
    public record Hyperparameters(int epochs, int batchSize, double learningRate) {
        public Hyperparameters {
            if (epochs < 1 || batchSize < 1 || !(learningRate > 0) || !Double.isFinite(learningRate)) {
                throw new IllegalArgumentException("epochs and batchSize must be >= 1 and learningRate > 0, got "
                        + epochs + ", " + batchSize + ", " + learningRate);
            }
        }
    }

    public AutoencoderArtifact {
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(trainingScores, "trainingScores");
        Objects.requireNonNull(model, "model");
        if (model.featureCount() != featureSpec.featureCount()) {
            throw new IllegalArgumentException("model has " + model.featureCount() + " features, spec " + featureSpec.featureCount());
        }
    }

    /** The sealed document (what is stored and hashed). */
    public byte[] toBytes() {
        return ContentHash.seal(AutoencoderWriter.canonicalBytes(this));
    }

    public void write(OutputStream out) throws IOException {
        out.write(toBytes());
        out.flush();
    }

    /** Reads and verifies: format, version, members, hash, then every value and the layer shapes. */
    public static AutoencoderArtifact read(InputStream in) throws IOException {
        byte[] doc = in.readNBytes(ModelArtifact.MAX_BYTES + 1);
        if (doc.length > ModelArtifact.MAX_BYTES) throw new ModelArtifactException("artifact larger than " + ModelArtifact.MAX_BYTES + " bytes");
        return AutoencoderReader.parse(doc);
    }

    public static AutoencoderArtifact parse(byte[] doc) throws ModelArtifactException {
        return AutoencoderReader.parse(doc);
    }

    /** This artifact if it was trained on {@code expected}; otherwise an error naming both specs. */
    public AutoencoderArtifact requireSpec(FeatureSpec expected) throws ModelArtifactException {
        if (!featureSpec.equals(expected)) {
            throw new ModelArtifactException("feature spec mismatch: autoencoder was trained on " + featureSpec + " but the caller computes " + expected);
        }
        return this;
    }
}

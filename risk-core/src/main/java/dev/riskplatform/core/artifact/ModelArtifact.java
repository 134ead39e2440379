package dev.riskplatform.core.artifact;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.model.IsolationForest;
import dev.riskplatform.core.model.ScoreSummary;
import dev.riskplatform.core.model.Threshold;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A fitted model with everything a detector needs to trust it: the feature spec it was trained
 * on, provenance, its alert threshold and training score distribution. Stored as one versioned,
 * hashed JSON document (see {@code docs/model-format.md}); never Java serialization or pickle.
 */
public record ModelArtifact(FeatureSpec featureSpec, TrainingInfo training, Threshold threshold,
                            ScoreSummary trainingScores, IsolationForest model) {

    public static final String FORMAT = "riskplatform-iforest";
    public static final int FORMAT_VERSION = 1;
    public static final String MODEL_TYPE = "isolation-forest";
    /** Refuse absurd inputs before buffering them: a 100-tree ψ=256 model is about 2 MB. */
    public static final int MAX_BYTES = 256 << 20;

    public ModelArtifact {
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(trainingScores, "trainingScores");
        Objects.requireNonNull(model, "model");
        if (model.featureCount() != featureSpec.featureCount()) {
            throw new IllegalArgumentException("model has " + model.featureCount() + " features, spec "
                    + featureSpec.featureCount());
        }
    }

    /** Writes the canonical document; the stream is flushed, not closed. */
    public void write(OutputStream out) throws IOException {
        out.write(ContentHash.seal(ArtifactWriter.canonicalBytes(this)));
        out.flush();
    }

    /** Reads and verifies a document: format, version, hash, structure. The stream is read to its end. */
    public static ModelArtifact read(InputStream in) throws IOException {
        byte[] doc = in.readNBytes(MAX_BYTES + 1);
        if (doc.length > MAX_BYTES) throw new ModelArtifactException("artifact larger than " + MAX_BYTES + " bytes");
        return ArtifactReader.parse(doc);
    }

    /** Reads, verifies, and refuses a model trained on another feature spec. */
    public static ModelArtifact read(InputStream in, FeatureSpec expected) throws IOException {
        return read(in).requireSpec(expected);
    }

    /** This artifact if it was trained on {@code expected}; otherwise an error naming both specs. */
    public ModelArtifact requireSpec(FeatureSpec expected) throws ModelArtifactException {
        if (!featureSpec.equals(expected)) {
            throw new ModelArtifactException("feature spec mismatch: model was trained on " + featureSpec
                    + " but the detector computes " + expected);
        }
        return this;
    }
}

package dev.riskplatform.core.artifact;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.scoring.ScoreSummary;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.scoring.Threshold;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Objects;

/**
 * A fitted model with everything a detector needs to trust it: the feature spec it was trained
 * on, provenance, which score it serves ({@link ServedScorer}), that score's alert threshold and
 * training distribution. Stored as one versioned,
 * hashed JSON document (see {@code docs/model-format.md}); never Java serialization or pickle.
 */
public record ModelArtifact(FeatureSpec featureSpec, TrainingInfo training, ServedScorer scorer, Threshold threshold,
                            ScoreSummary trainingScores, IsolationForest model) {

    public static final String FORMAT = "riskplatform-iforest";
    /** Written by this code; version 1 (no {@code scorer} member: the forest's score) is still read. */
    public static final int FORMAT_VERSION = 2;
    public static final String MODEL_TYPE = "isolation-forest";
    /** Refuse absurd inputs before buffering them: a 100-tree ψ=256 model is about 2 MB. */
    public static final int MAX_BYTES = 256 << 20;

    public ModelArtifact {
        Objects.requireNonNull(featureSpec, "featureSpec");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(scorer, "scorer");
        Objects.requireNonNull(threshold, "threshold");
        Objects.requireNonNull(trainingScores, "trainingScores");
        Objects.requireNonNull(model, "model");
        if (model.featureCount() != featureSpec.featureCount()) {
            throw new IllegalArgumentException("model has " + model.featureCount() + " features, spec "
                    + featureSpec.featureCount());
        }
    }

    /** A model served by the forest's own score (the artifact before served scorers). */
    public ModelArtifact(FeatureSpec featureSpec, TrainingInfo training, Threshold threshold, ScoreSummary trainingScores,
                         IsolationForest model) {
        this(featureSpec, training, ServedScorer.ISOLATION_FOREST, threshold, trainingScores, model);
    }

    /** The served score of this artifact: what its threshold and score summary are of. */
    public dev.riskplatform.core.scoring.Scorer servedScorer() {
        return scorer.over(model);
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

    /** Parses and verifies a document held in memory. */
    public static ModelArtifact parse(byte[] doc) throws ModelArtifactException {
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

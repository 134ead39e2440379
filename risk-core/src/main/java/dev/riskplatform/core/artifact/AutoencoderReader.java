package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.autoencoder.Standardizer;
import dev.riskplatform.core.features.FeatureSpec;
import java.util.List;

/**
 * Parses and verifies a riskplatform-autoencoder document, cheapest and most telling checks first:
 * JSON syntax, format, version, member order, content hash, then values and layer shapes
 * ({@link LayerCodec}). Every failure is a {@link ModelArtifactException} naming the member.
 */
final class AutoencoderReader {

    static final List<String> MEMBERS = List.of("format", "formatVersion", "modelType", "featureSpec", "training",
            "parameters", "threshold", "scoreSummary", "standardization", "createdAt", "codeVersion", "layers",
            ContentHash.MEMBER);

    private static final Envelope.Kind KIND = new Envelope.Kind(AutoencoderArtifact.FORMAT, AutoencoderArtifact.FORMAT_VERSION, MEMBERS,
            AutoencoderArtifact.MODEL_TYPE);

    private AutoencoderReader() {
    }

    static AutoencoderArtifact parse(byte[] doc) throws ModelArtifactException {
        JsonNode root = Envelope.open(doc, KIND);
        FeatureSpec spec = ArtifactReader.spec(Json.object(root, "", "featureSpec"));
        JsonNode params = Json.object(root, "", "parameters");
        Standardizer standardizer = LayerCodec.standardizer(Json.object(root, "", "standardization"), spec.featureCount());
        Autoencoder model = LayerCodec.model(standardizer, Json.array(root, "", "layers"), LayerCodec.sizes(params));
        try {
            return new AutoencoderArtifact(spec, Envelope.training(root, params), hyperparameters(params),
                    Envelope.threshold(Json.object(root, "", "threshold"), params),
                    Envelope.summary(Json.object(root, "", "scoreSummary")), model);
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("invalid autoencoder artifact: " + e.getMessage(), e);
        }
    }

    private static AutoencoderArtifact.Hyperparameters hyperparameters(JsonNode p) throws ModelArtifactException {
        return new AutoencoderArtifact.Hyperparameters((int) Json.integer(p, ".parameters", "epochs"),
                (int) Json.integer(p, ".parameters", "batchSize"), Json.number(p, ".parameters", "learningRate"));
    }
}

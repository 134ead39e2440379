package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.core.autoencoder.DenseLayer;
import dev.riskplatform.core.autoencoder.Standardizer;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The canonical riskplatform-autoencoder document: members in the order of docs/model-format.md, compact, UTF-8. */
final class AutoencoderWriter {

    private AutoencoderWriter() {
    }

    static byte[] canonicalBytes(AutoencoderArtifact a) {
        ObjectNode root = ArtifactWriter.JSON.createObjectNode();
        root.put("format", AutoencoderArtifact.FORMAT);
        root.put("formatVersion", AutoencoderArtifact.FORMAT_VERSION);
        root.put("modelType", AutoencoderArtifact.MODEL_TYPE);
        root.set("featureSpec", ArtifactWriter.spec(a.featureSpec()));
        root.set("training", training(a.training()));
        root.set("parameters", parameters(a));
        ObjectNode threshold = root.putObject("threshold");
        threshold.put("value", a.threshold().value());
        threshold.put("source", a.threshold().isFixed() ? "fixed" : "contamination");
        root.set("scoreSummary", ArtifactWriter.summary(a.trainingScores()));
        root.set("standardization", standardization(a.model().standardizer()));
        root.put("createdAt", a.training().createdAt().toString());
        root.put("codeVersion", a.training().codeVersion());
        ArrayNode layers = root.putArray("layers");
        a.model().layers().forEach(l -> layers.add(layer(l)));
        try {
            return ArtifactWriter.JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode training(TrainingInfo t) {
        ObjectNode n = ArtifactWriter.JSON.createObjectNode();
        n.put("fromEpochMillis", t.fromEpochMillis());
        n.put("toEpochMillis", t.toEpochMillis());
        n.put("rowCount", t.rowCount());
        return n;
    }

    private static ObjectNode parameters(AutoencoderArtifact a) {
        ObjectNode n = ArtifactWriter.JSON.createObjectNode();
        ArrayNode sizes = n.putArray("layerSizes");
        for (int s : a.model().layerSizes()) sizes.add(s);
        n.put("seed", a.training().seed());
        n.put("epochs", a.hyperparameters().epochs());
        n.put("batchSize", a.hyperparameters().batchSize());
        n.put("learningRate", a.hyperparameters().learningRate());
        n.put("contamination", a.threshold().isFixed() ? null : a.threshold().contamination());
        return n;
    }

    private static ObjectNode standardization(Standardizer s) {
        ObjectNode n = ArtifactWriter.JSON.createObjectNode();
        ArrayNode mean = n.putArray("mean"), std = n.putArray("std");
        for (double v : s.mean()) mean.add(v);
        for (double v : s.std()) std.add(v);
        return n;
    }

    /** weights: one array per output unit o, holding W[o][0..inputs). */
    private static ObjectNode layer(DenseLayer l) {
        ObjectNode n = ArtifactWriter.JSON.createObjectNode();
        n.put("activation", l.activation().code());
        ArrayNode w = n.putArray("weights");
        for (int o = 0; o < l.outputs(); o++) {
            ArrayNode row = w.addArray();
            for (int i = 0; i < l.inputs(); i++) row.add(l.weight(o, i));
        }
        ArrayNode b = n.putArray("bias");
        for (int o = 0; o < l.outputs(); o++) b.add(l.bias(o));
        return n;
    }
}

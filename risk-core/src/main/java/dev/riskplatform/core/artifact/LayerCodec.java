package dev.riskplatform.core.artifact;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.core.autoencoder.Activation;
import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.autoencoder.DenseLayer;
import dev.riskplatform.core.autoencoder.Standardizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads an autoencoder's standardization, layers and threshold, checking every shape against parameters.layerSizes. */
final class LayerCodec {

    private LayerCodec() {
    }

    static int[] sizes(JsonNode params) throws ModelArtifactException {
        JsonNode a = Json.array(params, ".parameters", "layerSizes");
        int[] s = new int[a.size()];
        for (int k = 0; k < s.length; k++) {
            s[k] = Json.int32(a.get(k), ".parameters.layerSizes[" + k + "]");
            if (s[k] < 1) throw new ModelArtifactException(".parameters.layerSizes[" + k + "] must be >= 1, got " + s[k]);
        }
        return s;
    }

    static Standardizer standardizer(JsonNode n, int d) throws ModelArtifactException {
        double[] mean = vector(Json.array(n, ".standardization", "mean"), ".standardization.mean", d);
        double[] std = vector(Json.array(n, ".standardization", "std"), ".standardization.std", d);
        try {
            return new Standardizer(mean, std);
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException("standardization: " + e.getMessage(), e);
        }
    }

    static Autoencoder model(Standardizer st, JsonNode layers, int[] sizes) throws ModelArtifactException {
        int d = st.featureCount();
        if (sizes.length < 2 || sizes[0] != d || sizes[sizes.length - 1] != d) {
            throw new ModelArtifactException("shape: parameters.layerSizes " + Arrays.toString(sizes) + " must start and end with the "
                    + d + " features");
        }
        if (layers.size() != sizes.length - 1) {
            throw new ModelArtifactException("shape: parameters.layerSizes " + Arrays.toString(sizes) + " needs " + (sizes.length - 1)
                    + " layers, " + layers.size() + " are stored");
        }
        List<DenseLayer> list = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) list.add(layer(layers.get(k), k, sizes[k], sizes[k + 1]));
        return new Autoencoder(st, list);
    }

    private static DenseLayer layer(JsonNode n, int k, int in, int out) throws ModelArtifactException {
        String p = ".layers[" + k + "]";
        JsonNode w = Json.array(n, p, "weights");
        if (w.size() != out) throw new ModelArtifactException("shape: " + p + ".weights has " + w.size() + " rows, layerSizes says " + out);
        double[] weights = new double[in * out];
        for (int o = 0; o < out; o++) {
            double[] row = vector(w.get(o), p + ".weights[" + o + "]", in);
            System.arraycopy(row, 0, weights, o * in, in);
        }
        double[] bias = vector(Json.array(n, p, "bias"), p + ".bias", out);
        try {
            return new DenseLayer(in, out, weights, bias, Activation.of(Json.text(n, p, "activation")));
        } catch (IllegalArgumentException e) {
            throw new ModelArtifactException(p + ": " + e.getMessage(), e);
        }
    }

    private static double[] vector(JsonNode a, String where, int length) throws ModelArtifactException {
        if (!a.isArray()) throw new ModelArtifactException(where + " must be an array");
        if (a.size() != length) throw new ModelArtifactException("shape: " + where + " has " + a.size() + " values, expected " + length);
        double[] v = new double[length];
        for (int i = 0; i < length; i++) v[i] = Json.number(a.get(i), where + "[" + i + "]");
        return v;
    }
}

package dev.riskplatform.core.autoencoder;

import dev.riskplatform.core.scoring.Scorer;
import java.util.Arrays;
import java.util.List;

/**
 * The autoencoder's forward pass in plain Java (trained with DL4J in the model-trainer, exported
 * as docs/model-format.md "riskplatform-autoencoder"). A row x is standardized to z, passed
 * through the dense layers to the reconstruction ẑ, and scored by its reconstruction error
 * s = (1/d) Σ_j (z_j − ẑ_j)²: rows unlike the training data reconstruct badly and score high.
 * Immutable and thread-safe (buffers are per call).
 */
public final class Autoencoder implements Scorer {

    private final Standardizer standardizer;
    private final List<DenseLayer> layers;
    private final int widest;

    public Autoencoder(Standardizer standardizer, List<DenseLayer> layers) {
        this.standardizer = standardizer;
        this.layers = List.copyOf(layers);
        int d = standardizer.featureCount(), in = d, widest = d;
        if (this.layers.isEmpty()) throw new IllegalArgumentException("an autoencoder needs at least one layer");
        for (int k = 0; k < this.layers.size(); k++) {
            DenseLayer l = this.layers.get(k);
            if (l.inputs() != in) throw new IllegalArgumentException("layer " + k + " takes " + l.inputs() + " inputs, previous gives " + in);
            in = l.outputs();
            widest = Math.max(widest, in);
        }
        if (in != d) throw new IllegalArgumentException("the last layer outputs " + in + " values, the input has " + d + " features");
        this.widest = widest;
    }

    public Standardizer standardizer() {
        return standardizer;
    }

    public List<DenseLayer> layers() {
        return layers;
    }

    /** [d, h1, …, d]: the width of the input and of every layer's output. */
    public int[] layerSizes() {
        int[] s = new int[layers.size() + 1];
        s[0] = featureCount();
        for (int k = 0; k < layers.size(); k++) s[k + 1] = layers.get(k).outputs();
        return s;
    }

    @Override
    public int featureCount() {
        return standardizer.featureCount();
    }

    /** ẑ: the network output for the standardized input z (what DL4J's output() returns). */
    public double[] reconstruct(double[] z) {
        double[] a = new double[widest], b = new double[widest];
        return Arrays.copyOf(forward(z, a, b), featureCount());
    }

    @Override
    public double score(double[] row) {
        double[] out = new double[1];
        score(row, 1, out);
        return out[0];
    }

    @Override
    public void score(double[] rows, int rowCount, double[] out) {
        int d = featureCount();
        double[] z = new double[d], a = new double[widest], b = new double[widest];
        for (int r = 0; r < rowCount; r++) {
            standardizer.apply(rows, r * d, z);
            double[] zHat = forward(z, a, b);
            double sum = 0;
            for (int j = 0; j < d; j++) sum += (z[j] - zHat[j]) * (z[j] - zHat[j]); // Σ (z − ẑ)²
            out[r] = sum / d;
        }
    }

    /** Runs the layers, ping-ponging between two buffers; returns the one whose first d entries are ẑ. */
    private double[] forward(double[] z, double[] a, double[] b) {
        double[] in = z, out = a;
        for (DenseLayer l : layers) {
            l.forward(in, out);
            in = out;
            out = out == a ? b : a;
        }
        return in;
    }
}

package dev.riskplatform.core.autoencoder;

/**
 * A fully connected layer: y_o = a(b_o + Σ_i W[o][i] · x_i), o in [0, outputs), i in [0, inputs).
 * {@code weights} is row-major by output ({@code weights[o * inputs + i]}), i.e. DL4J's W (nIn × nOut) transposed.
 */
public record DenseLayer(int inputs, int outputs, double[] weights, double[] bias, Activation activation) {

    public DenseLayer {
        if (inputs < 1 || outputs < 1) throw new IllegalArgumentException("layer needs >= 1 input and output, got " + inputs + "→" + outputs);
        if (weights.length != inputs * outputs) {
            throw new IllegalArgumentException("layer " + inputs + "→" + outputs + " needs " + inputs * outputs + " weights, got " + weights.length);
        }
        if (bias.length != outputs) throw new IllegalArgumentException("layer " + inputs + "→" + outputs + " needs " + outputs + " biases, got " + bias.length);
        if (activation == null) throw new IllegalArgumentException("activation is required");
        requireFinite(weights, "weight");
        requireFinite(bias, "bias");
        weights = weights.clone();
        bias = bias.clone();
    }

    /** Writes a(b + W·x) for x = in[0..inputs) into out[0..outputs). */
    void forward(double[] in, double[] out) {
        for (int o = 0; o < outputs; o++) {
            double sum = bias[o];
            int row = o * inputs;
            for (int i = 0; i < inputs; i++) sum += weights[row + i] * in[i];
            out[o] = activation.apply(sum);
        }
    }

    public double weight(int output, int input) {
        return weights[output * inputs + input];
    }

    public double bias(int output) {
        return bias[output];
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    @Override
    public double[] bias() {
        return bias.clone();
    }

    private static void requireFinite(double[] v, String what) {
        for (int i = 0; i < v.length; i++) {
            if (!Double.isFinite(v[i])) throw new IllegalArgumentException(what + " " + i + " is not finite: " + v[i]);
        }
    }
}

package dev.riskplatform.trainer.autoencoder;

import dev.riskplatform.core.autoencoder.Activation;
import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.autoencoder.DenseLayer;
import dev.riskplatform.core.autoencoder.Standardizer;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationTanH;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DL4J network → risk-core {@link Autoencoder}. DL4J computes a layer as a(x·W + b) with W of
 * shape nIn × nOut; risk-core stores W transposed (weights[o][i] = W_dl4j[i][o]), same values.
 */
public final class Dl4jExport {

    private Dl4jExport() {
    }

    public static Autoencoder toAutoencoder(MultiLayerNetwork net, Standardizer st) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int k = 0; k < net.getnLayers(); k++) {
            INDArray w = net.getParam(k + "_W"), b = net.getParam(k + "_b");
            int in = (int) w.size(0), out = (int) w.size(1);
            double[] weights = new double[in * out], bias = new double[out];
            for (int o = 0; o < out; o++) {
                bias[o] = b.getDouble(o);
                for (int i = 0; i < in; i++) weights[o * in + i] = w.getDouble(i, o);
            }
            layers.add(new DenseLayer(in, out, weights, bias, activation(net, k)));
        }
        return new Autoencoder(st, layers);
    }

    private static Activation activation(MultiLayerNetwork net, int k) {
        Object a = ((BaseLayer) net.getLayer(k).conf().getLayer()).getActivationFn();
        if (a instanceof ActivationTanH) return Activation.TANH;
        if (a instanceof ActivationIdentity) return Activation.IDENTITY;
        throw new IllegalArgumentException("layer " + k + ": activation " + a + " has no pure-Java counterpart");
    }
}

package dev.riskplatform.trainer.autoencoder;

import dev.riskplatform.core.autoencoder.Standardizer;
import java.util.Random;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * Trains the autoencoder with Deeplearning4j, in double precision (so the exported pure-Java
 * forward pass matches {@code output()} to ~1e-15). Only the trainer uses this class: the
 * detector and batch jobs score the exported {@link dev.riskplatform.core.autoencoder.Autoencoder}.
 */
public final class Dl4jAutoencoder {

    private Dl4jAutoencoder() {
    }

    /** The trained network and the standardization its inputs went through. */
    public record Trained(MultiLayerNetwork network, Standardizer standardizer, int rows) {
    }

    /** Fits on {@code rows} (raw features, row-major, d columns): standardize, then minimize MSE(z, net(z)). */
    public static Trained fit(double[] rows, int d, AutoencoderParams p) {
        double[] sample = TrainingRows.sample(rows, d, p.maxRows(), p.seed());
        Standardizer st = Standardizer.fit(sample, d);
        int n = sample.length / d;
        double[] z = st.applyAll(sample);
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(d, p));
        net.init();
        Random rng = new Random(p.seed());
        for (int e = 0; e < p.epochs(); e++) {
            int[] order = TrainingRows.permutation(n, rng);
            for (int from = 0; from < n; from += p.batchSize()) {
                INDArray batch = TrainingRows.batch(z, d, order, from, Math.min(n, from + p.batchSize()));
                net.fit(new DataSet(batch, batch)); // target = input: reconstruct z
            }
        }
        return new Trained(net, st, n);
    }

    /** d → hidden… → d: tanh hidden layers, identity output, MSE loss, Adam, Xavier init, all DOUBLE. */
    static MultiLayerConfiguration configuration(int d, AutoencoderParams p) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(p.seed()).dataType(DataType.DOUBLE).weightInit(WeightInit.XAVIER).updater(new Adam(p.learningRate())).list();
        int in = d;
        for (int h : p.hidden()) {
            b.layer(new DenseLayer.Builder().nIn(in).nOut(h).activation(Activation.TANH).build());
            in = h;
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.MSE).nIn(in).nOut(d).activation(Activation.IDENTITY).build());
        return b.build();
    }

    /** Row-major values as an n × d DOUBLE matrix. */
    public static INDArray matrix(double[] values, int n, int d) {
        return Nd4j.create(values, new long[] {n, d}, 'c').castTo(DataType.DOUBLE);
    }
}

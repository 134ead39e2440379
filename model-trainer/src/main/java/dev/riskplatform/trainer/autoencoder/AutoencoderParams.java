package dev.riskplatform.trainer.autoencoder;

import java.util.Arrays;

/**
 * How the autoencoder is trained: hidden layer widths (the network is d → hidden… → d; tanh hidden
 * layers, identity output, MSE loss on standardized features), Adam with {@code learningRate},
 * {@code epochs} passes over at most {@code maxRows} training rows (a seeded sample when there are
 * more) in shuffled minibatches of {@code batchSize}; the alert threshold is the (1 − alertRate)
 * quantile of the training reconstruction errors.
 */
public record AutoencoderParams(int[] hidden, int epochs, int batchSize, double learningRate, int maxRows, long seed, double alertRate) {

    public AutoencoderParams {
        hidden = hidden.clone();
        if (hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
            throw new IllegalArgumentException("hidden layer widths must be >= 1, got " + Arrays.toString(hidden));
        }
        if (epochs < 1 || batchSize < 1 || maxRows < 2 || !(learningRate > 0)) {
            throw new IllegalArgumentException("epochs, batchSize >= 1, maxRows >= 2, learningRate > 0 required");
        }
    }

    /**
     * 4 → 8 → 2 → 8 → 4, 20 epochs, batch 1024, Adam 0.01, ≤ 50,000 rows. DL4J costs ~5 ms of CPU per
     * minibatch even for this tiny network, so few large batches: ≤ 980 updates.
     */
    public static AutoencoderParams defaults(long seed, double alertRate) {
        return new AutoencoderParams(new int[] {8, 2, 8}, 20, 1024, 0.01, 50_000, seed, alertRate);
    }

    public AutoencoderParams withEpochs(int e) {
        return new AutoencoderParams(hidden, e, batchSize, learningRate, maxRows, seed, alertRate);
    }

    public AutoencoderParams withMaxRows(int m) {
        return new AutoencoderParams(hidden, epochs, batchSize, learningRate, m, seed, alertRate);
    }

    @Override
    public int[] hidden() {
        return hidden.clone();
    }

    @Override
    public String toString() {
        return "AutoencoderParams[hidden=" + Arrays.toString(hidden) + ", epochs=" + epochs + ", batchSize=" + batchSize
                + ", learningRate=" + learningRate + ", maxRows=" + maxRows + ", seed=" + seed + ", alertRate=" + alertRate + "]";
    }
}

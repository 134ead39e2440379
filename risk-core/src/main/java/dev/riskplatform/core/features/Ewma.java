package dev.riskplatform.core.features;

/**
 * Bias-corrected exponentially weighted mean, O(1) per value:
 * num_t = (1 − a)·num_{t−1} + a·x_t, w_t = (1 − a)·w_{t−1} + a, mean_t = num_t / w_t,
 * with a = 2 / (span + 1). Dividing by the weight sum w_t (pandas' {@code adjust=True}) makes
 * the first values an ordinary average instead of a mean pulled towards zero.
 */
final class Ewma {

    private final double a;
    private double num, weight;

    Ewma(int span) {
        this.a = 2.0 / (span + 1.0);
    }

    void push(double x) {
        num += a * (x - num);
        weight += a * (1.0 - weight);
    }

    /** 0 before the first value. */
    double mean() {
        return weight > 0 ? num / weight : 0.0;
    }
}

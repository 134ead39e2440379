package dev.riskplatform.core.autoencoder;

import java.util.Arrays;

/** The activations a dense layer may use, named as in the artifact (and as DL4J names them). */
public enum Activation {
    /** a(x) = x. */
    IDENTITY("identity"),
    /** a(x) = tanh(x) = (e^x − e^−x) / (e^x + e^−x). */
    TANH("tanh");

    private final String code;

    Activation(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public double apply(double x) {
        return this == TANH ? Math.tanh(x) : x;
    }

    /** The activation named {@code code}; IllegalArgumentException listing the known names otherwise. */
    public static Activation of(String code) {
        for (Activation a : values()) if (a.code.equals(code)) return a;
        throw new IllegalArgumentException("unknown activation '" + code + "', known: "
                + Arrays.stream(values()).map(Activation::code).toList());
    }
}

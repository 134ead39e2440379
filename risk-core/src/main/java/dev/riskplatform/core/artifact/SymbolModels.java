package dev.riskplatform.core.artifact;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The one naming rule for per-symbol models, kept by the trainer (which registers them), the detector
 * and the batch (which select them): symbol S's model under base name B is registered as
 * {@code B-s} ({@code s} = S in lower case), e.g. {@code btc-iforest-ethusdt}. A symbol without a
 * promoted model of that name is scored by B itself, the market-wide default. The base comes first so
 * every per-symbol model of B is found under one key prefix, {@code models/B-}.
 */
public final class SymbolModels {

    /** The registry's model-name rule (S3 key and Kafka key safe). */
    public static final Pattern MODEL_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern SYMBOL = Pattern.compile("[A-Za-z0-9]{1,32}");

    private SymbolModels() {
    }

    /** S's model name under {@code base}; an IllegalArgumentException names a symbol or name the rule cannot take. */
    public static String nameFor(String base, String symbol) {
        if (symbol == null || !SYMBOL.matcher(symbol).matches()) {
            throw new IllegalArgumentException("symbol must be 1-32 letters or digits, got '" + symbol + "'");
        }
        String name = prefix(base) + symbol.toLowerCase(Locale.ROOT);
        if (!MODEL_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("per-symbol model name '" + name + "' must match " + MODEL_NAME);
        }
        return name;
    }

    /** The symbol (upper case) whose model {@code model} is under {@code base}, or empty when it is none's. */
    public static Optional<String> symbolOf(String base, String model) {
        String p = prefix(base);
        if (model == null || !model.startsWith(p)) return Optional.empty();
        String rest = model.substring(p.length());
        return SYMBOL.matcher(rest).matches() && rest.equals(rest.toLowerCase(Locale.ROOT))
                ? Optional.of(rest.toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    /** What every per-symbol model name under {@code base} starts with. */
    public static String prefix(String base) {
        return base + "-";
    }
}

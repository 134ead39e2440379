package dev.riskplatform.core.features;

import dev.riskplatform.core.market.BarInterval;
import java.util.List;
import java.util.Objects;

/**
 * What a model was trained on and what a detector must compute: the bar interval, the
 * feature windows and the version of the feature definitions. A model carries its spec and
 * a detector refuses a model whose spec it cannot compute (the prototype's train/serve skew).
 *
 * <p>Features, in this order (see {@code docs/features.md}):
 * <ol>
 *   <li>{@code log_return} = ln(close_t / close_{t-1})</li>
 *   <li>{@code volatility} = sample std (ddof=1) of the last {@code volatilityWindow} log returns</li>
 *   <li>{@code z_score} = the one z-score of the platform (defined in the feature engine)</li>
 *   <li>{@code momentum} = close_t / close_{t-momentumWindow} - 1 (relative, not in USD)</li>
 * </ol>
 */
public record FeatureSpec(int version, BarInterval interval, int volatilityWindow, int zScoreWindow, int momentumWindow) {

    /** Bump when the definition of any feature changes: old models then stop matching. */
    public static final int CURRENT_VERSION = 1;

    public static final List<String> FEATURE_NAMES = List.of("log_return", "volatility", "z_score", "momentum");

    public FeatureSpec {
        Objects.requireNonNull(interval, "interval");
        if (version < 1) throw new IllegalArgumentException("feature spec version must be >= 1, got " + version);
        requireWindow("volatilityWindow", volatilityWindow);
        requireWindow("zScoreWindow", zScoreWindow);
        if (momentumWindow < 1 || momentumWindow > 100_000) {
            throw new IllegalArgumentException("momentumWindow must be in [1, 100000], got " + momentumWindow);
        }
    }

    /** The platform default: one-minute bars, 30-bar volatility and z-score windows, 10-bar momentum. */
    public static FeatureSpec defaults() {
        return new FeatureSpec(CURRENT_VERSION, BarInterval.parse("1m"), 30, 30, 10);
    }

    public static FeatureSpec of(BarInterval interval, int volatilityWindow, int zScoreWindow, int momentumWindow) {
        return new FeatureSpec(CURRENT_VERSION, interval, volatilityWindow, zScoreWindow, momentumWindow);
    }

    /**
     * Bars consumed before the first feature vector. With bar index i from 0, r_i needs i >= 1,
     * volatility needs r_{i-V+1} (i >= V), the z-score needs r_{i-Z} excluding r_i (i >= Z + 1)
     * and momentum needs close_{i-M} (i >= M): warm-up = max(V, Z + 1, M). The first vector is
     * therefore produced by bar number warmUpBars() + 1 (31 + 1 = 32 for the defaults).
     */
    public int warmUpBars() {
        return Math.max(Math.max(volatilityWindow, zScoreWindow + 1), momentumWindow);
    }

    public int featureCount() {
        return FEATURE_NAMES.size();
    }

    public List<String> featureNames() {
        return FEATURE_NAMES;
    }

    private static void requireWindow(String name, int w) {
        // A sample std needs two values; the cap keeps ring buffers small and warm-up finite.
        if (w < 2 || w > 100_000) {
            throw new IllegalArgumentException(name + " must be in [2, 100000], got " + w);
        }
    }
}

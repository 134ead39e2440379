package dev.riskplatform.core.features;

import dev.riskplatform.core.market.BarInterval;
import java.util.List;
import java.util.Objects;

/**
 * What a model was trained on and what a detector must compute: the bar interval, the feature
 * windows and the version of the feature definitions. A model carries its spec and a detector
 * refuses a model whose spec it cannot compute (the prototype's train/serve skew). Both versions
 * are computed by {@link FeatureEngine}; see {@code docs/features.md} for every formula.
 *
 * <p><b>Version 1</b> (raw units, kept so v1 models still load and score):
 * {@code log_return}, {@code volatility} (rolling std of {@code volatilityWindow} returns),
 * {@code z_score} (over {@code zScoreWindow} returns before r_t), {@code momentum} (over
 * {@code momentumWindow} bars).
 *
 * <p><b>Version 2</b> (scale-free: every feature is in units of the symbol's own recent
 * behaviour, so one threshold means the same in a calm and a busy hour and across symbols).
 * With σ̂ the robust EWMA volatility of the returns <em>before</em> the bar:
 * {@code return_sigma} = r / σ̂, {@code range_sigma} = ln(high / low) / σ̂,
 * {@code volatility_ratio} = ln(short bipower volatility / σ̂), {@code volume_surprise} and
 * {@code trades_surprise} (log volume and log trade count against their EWMA level and dispersion),
 * {@code momentum_sigma} = ln(close / close_M bars ago) / (σ̂ √M). The windows mean, in v2:
 * {@code volatilityWindow} = the EWMA span of the levels (σ̂, volume, trades),
 * {@code zScoreWindow} = the span of the short bipower volatility, {@code momentumWindow} = M.
 */
public record FeatureSpec(int version, BarInterval interval, int volatilityWindow, int zScoreWindow, int momentumWindow) {

    /** The version new models are trained on. Bump when the definition of any feature changes. */
    public static final int CURRENT_VERSION = 2;

    public static final List<String> V1_FEATURE_NAMES = List.of("log_return", "volatility", "z_score", "momentum");
    public static final List<String> V2_FEATURE_NAMES = List.of("return_sigma", "range_sigma", "volatility_ratio",
            "volume_surprise", "trades_surprise", "momentum_sigma");
    /** The widest row any version produces (buffers sized once). */
    public static final int MAX_FEATURES = 6;

    public FeatureSpec {
        Objects.requireNonNull(interval, "interval");
        if (version < 1 || version > 2) throw new IllegalArgumentException("feature spec version must be 1 or 2, got " + version);
        requireWindow("volatilityWindow", volatilityWindow);
        requireWindow("zScoreWindow", zScoreWindow);
        if (momentumWindow < 1 || momentumWindow > 100_000) {
            throw new IllegalArgumentException("momentumWindow must be in [1, 100000], got " + momentumWindow);
        }
    }

    /**
     * The platform default (v2): one-minute bars, levels over an EWMA span of 30 bars, short
     * volatility over 5 bars, 10-bar momentum (chosen on both benchmarks, docs/evaluation.md).
     */
    public static FeatureSpec defaults() {
        return new FeatureSpec(CURRENT_VERSION, BarInterval.parse("1m"), 30, 5, 10);
    }

    /** The version-1 default: one-minute bars, 30-bar volatility and z-score windows, 10-bar momentum. */
    public static FeatureSpec v1Defaults() {
        return new FeatureSpec(1, BarInterval.parse("1m"), 30, 30, 10);
    }

    /** A version-1 spec (raw-unit features). */
    public static FeatureSpec of(BarInterval interval, int volatilityWindow, int zScoreWindow, int momentumWindow) {
        return new FeatureSpec(1, interval, volatilityWindow, zScoreWindow, momentumWindow);
    }

    /** A version-2 spec (scale-free features); windows as in the class comment. */
    public static FeatureSpec v2(BarInterval interval, int levelSpan, int shortSpan, int momentumWindow) {
        return new FeatureSpec(2, interval, levelSpan, shortSpan, momentumWindow);
    }

    /** The same windows under the current version: what a retrain of an older model uses. */
    public FeatureSpec withVersion(int v) {
        return new FeatureSpec(v, interval, volatilityWindow, zScoreWindow, momentumWindow);
    }

    /**
     * Bars consumed before the first feature vector, with bar index i from 0.
     * v1: r_i needs i >= 1, volatility r_{i-V+1} (i >= V), the z-score Z returns before r_i
     * (i >= Z + 1), momentum close_{i-M} (i >= M): warm-up = max(V, Z + 1, M).
     * v2: σ̂ before r_i needs L returns (i >= L + 1), momentum i >= M: warm-up = max(L + 1, M).
     * The first vector is produced by bar number warmUpBars() + 1.
     */
    public int warmUpBars() {
        if (version == 1) return Math.max(Math.max(volatilityWindow, zScoreWindow + 1), momentumWindow);
        return Math.max(volatilityWindow + 1, momentumWindow);
    }

    /**
     * Bars of history a consumer that starts mid-series (the batch's look-back before a day, the detector's
     * restart recovery) feeds the engine so its features equal those of the whole series. v1: the warm-up
     * (every window is finite). v2: the EWMA levels never forget completely, so also the bars after which a
     * level's weight on anything older, (1 − a)^k with a = 2 / (L + 1), falls below {@link #HISTORY_WEIGHT}:
     * k = ⌈ln(HISTORY_WEIGHT) / ln(1 − a)⌉ (518 for L = 30, 549 bars in all).
     */
    public int historyBars() {
        if (version == 1) return warmUpBars();
        double a = 2.0 / (volatilityWindow + 1.0);
        return warmUpBars() + (int) Math.ceil(Math.log(HISTORY_WEIGHT) / Math.log1p(-a));
    }

    /** What older history may still weigh in v2 features fed {@link #historyBars()} bars: below double precision. */
    public static final double HISTORY_WEIGHT = 1e-15;

    public int featureCount() {
        return featureNames().size();
    }

    public List<String> featureNames() {
        return version == 1 ? V1_FEATURE_NAMES : V2_FEATURE_NAMES;
    }

    /** Bars per day at this interval: turns an alert budget per day into a rate per bar. */
    public double barsPerDay() {
        return 86_400_000.0 / interval.millis();
    }

    private static void requireWindow(String name, int w) {
        // A sample std needs two values; the cap keeps ring buffers small and warm-up finite.
        if (w < 2 || w > 100_000) {
            throw new IllegalArgumentException(name + " must be in [2, 100000], got " + w);
        }
    }
}

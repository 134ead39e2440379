package dev.riskplatform.detector.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The detector's own settings (application.properties, prefix {@code detector}). */
@ConfigMapping(prefix = "detector")
public interface DetectorConfig {

    /** Registry name under {@code models/<name>/registry.json}. */
    @WithDefault("btc-iforest")
    String modelName();

    /** Startup retries back off from 1 s up to this while S3 is unreachable or no model is registered. */
    @WithDefault("30s")
    Duration modelRetryMax();

    /** Fallback poll of registry.json, for a lost model_registry event (read by ModelRegistryListener's schedule). */
    @WithDefault("30s")
    Duration modelPollInterval();

    /** Trades later than this behind the newest one of their symbol are late (BarBuilder). */
    @WithDefault("2s")
    Duration allowedLateness();

    /** The idle timer closes a symbol's bars by wall clock only after no trade came for this long. */
    @WithDefault("5s")
    Duration idleAfter();

    /** Anomalous bars within this many bars of an episode's first bar are merged into its alert. */
    @WithDefault("30")
    int cooldownBars();
}

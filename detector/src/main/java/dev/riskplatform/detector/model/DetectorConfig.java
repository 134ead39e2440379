package dev.riskplatform.detector.model;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The detector's own settings (application.properties, prefix {@code detector}); every default is here. */
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

    /** Market episodes (risk-core {@code MarketEpisodes}, docs/topics.md): {@code detector.market.*}. */
    Market market();

    /** Restart recovery (RecoveryListener): {@code detector.recovery.*}. */
    Recovery recovery();

    interface Market {

        /** Alerts whose bars open within this many bars of each other are one group. */
        @WithDefault("3")
        int windowBars();

        /** A group is a market episode from this many distinct symbols ... */
        @WithDefault("5")
        int minSymbols();

        /** ... and from this share of the symbols the detector follows, whichever is larger. */
        @WithDefault("0.05")
        double minShare();
    }

    interface Recovery {

        /** The broker the recovery's own consumers read back from: the market-prices channel's unless set. */
        @WithDefault("${kafka.bootstrap.servers}")
        String bootstrapServers();
    }
}

package dev.riskplatform.detector.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Market episodes (risk-core {@code MarketEpisodes}, docs/topics.md): prefix {@code detector.market}. */
@ConfigMapping(prefix = "detector.market")
public interface MarketConfig {

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

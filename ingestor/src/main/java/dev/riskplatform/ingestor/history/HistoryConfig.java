package dev.riskplatform.ingestor.history;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** History imports, prefix {@code ingestor.history}. */
@ConfigMapping(prefix = "ingestor.history")
public interface HistoryConfig {

    /** REST request weight a kline backfill spends per minute: well under Binance's 6,000 a minute per IP. */
    @WithDefault("3000")
    int weightBudget();
}

package dev.riskplatform.batch.portfolio;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code batch.portfolios.<name>.quantities=BTCUSDT:0.5,ETHUSDT:8} (units held) or
 * {@code batch.portfolios.<name>.weights=BTCUSDT:0.6,ETHUSDT:0.4} (fractions of value, rebalanced daily): exactly
 * one of the two per portfolio; none configured, no portfolio. Read by {@link Portfolios}.
 */
@ConfigMapping(prefix = "batch")
public interface PortfolioConfig {

    Map<String, Positions> portfolios();

    interface Positions {

        /** {@code SYMBOL:QUANTITY}, …. */
        Optional<List<String>> quantities();

        /** {@code SYMBOL:WEIGHT}, …; normalised to sum to 1. */
        Optional<List<String>> weights();
    }
}

package dev.riskplatform.core.risk;

import dev.riskplatform.core.features.FeatureVector;
import dev.riskplatform.core.market.Bar;
import java.util.List;

/**
 * One closed bar's risk calculation (topic {@code risk_events}). {@code features} and
 * {@code score} are null while the feature window warms up; {@code alertId} names the episode's
 * alert when the bar is anomalous (its own alert or the one it was merged into), else null.
 * {@code closedByIdle}: no trade past its end closed the bar, the idle timer did (a quiet market); the
 * publish-to-risk latency then runs from the timer, not from {@code lastTradePublishTime}.
 * {@code featureNames} name the values of {@code features} (the model's feature spec); {@code scorer} is the
 * served score that {@code score} and {@code threshold} are of. {@code intraday}: the symbol's rolling 24 h
 * volatility and one-bar VaR/ES at this bar ({@link RollingIntradayRisk}, the batch's formulas). {@code pendingSince}:
 * when the earliest trade of the symbol's bars still open at this bar's close was published, null when none was open
 * (a restart that restores this bar replays the trades from there: {@link EmittedBar}).
 */
public record RiskEvent(Bar bar, FeatureVector features, List<String> featureNames, Double score, double threshold,
                        boolean anomaly, String model, long modelVersion, String scorer, String alertId,
                        long lastTradePublishTime, long emittedAt, boolean closedByIdle,
                        RollingIntradayRisk.Snapshot intraday, Long pendingSince) {
}

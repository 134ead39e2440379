package dev.riskplatform.core.risk;

import dev.riskplatform.core.market.Bar;

/**
 * A bar as a symbol's stream emitted it (one {@code risk_events} record), read back by a restarted detector:
 * the bar and the stream's verdict on it. {@code score} is null during the warm-up, {@code threshold} is the serving
 * model's operating threshold then; {@code alertId} names the
 * episode an anomalous bar belongs to; {@code lastTradePublishTime} is when the newest trade the stream had seen at
 * the bar's close was published, {@code pendingSince} when the earliest trade of the bars still open then was (null:
 * none was open; or an event written before the member): a restart replays the trades published from the earlier. The event does not carry the bar's quote volume and VWAP: they are NaN
 * here, and nothing that rebuilds state from it reads them ({@link SymbolPipeline#restore}).
 */
public record EmittedBar(Bar bar, Double score, double threshold, boolean anomaly, String alertId, long lastTradePublishTime,
                         Long pendingSince) {
}

package dev.riskplatform.core.risk;

import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.explain.FeatureContribution;
import java.util.List;

/**
 * One symbol's episode (topic {@code risk_alerts}); {@code explanation} lists the top features first;
 * {@code market} is the market-wide episode it is part of, or null ({@link MarketEpisodes}).
 */
public record Alert(String alertId, String symbol, BarInterval interval, long openTime, Severity severity,
                    double score, double threshold, String model, long modelVersion,
                    List<FeatureContribution> explanation, int episodeBars, long emittedAt, MarketEpisodes.Context market) {

    public Alert {
        explanation = List.copyOf(explanation);
    }

    public Alert(String alertId, String symbol, BarInterval interval, long openTime, Severity severity, double score,
                 double threshold, String model, long modelVersion, List<FeatureContribution> explanation, int episodeBars,
                 long emittedAt) {
        this(alertId, symbol, interval, openTime, severity, score, threshold, model, modelVersion, explanation, episodeBars,
                emittedAt, null);
    }

    public Alert inMarket(MarketEpisodes.Context context) {
        return new Alert(alertId, symbol, interval, openTime, severity, score, threshold, model, modelVersion, explanation,
                episodeBars, emittedAt, context);
    }

    /** Deterministic: a replay or restart produces the same id, so consumers deduplicate on it. */
    public static String idOf(String symbol, long openTime, long modelVersion) {
        return symbol + "-" + openTime + "-v" + modelVersion;
    }
}

package dev.riskplatform.core.risk;

import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.model.FeatureContribution;
import java.util.List;

/** One market episode (topic {@code risk_alerts}); {@code explanation} lists the top features first. */
public record Alert(String alertId, String symbol, BarInterval interval, long openTime, Severity severity,
                    double score, double threshold, String model, long modelVersion,
                    List<FeatureContribution> explanation, int episodeBars, long emittedAt) {

    public Alert {
        explanation = List.copyOf(explanation);
    }

    /** Deterministic: a replay or restart produces the same id, so consumers deduplicate on it. */
    public static String idOf(String symbol, long openTime, long modelVersion) {
        return symbol + "-" + openTime + "-v" + modelVersion;
    }
}

package dev.riskplatform.detector.live;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.core.risk.Severity;

/**
 * One symbol's latest served state, the market view's row: the newest bar's close, score and threshold,
 * and how many alerts the symbol raised since the detector started, with the newest one's time and severity.
 * Immutable, replaced whole on each update, so a reader never sees half of one.
 *
 * <p>Size, so the market view stays bounded at thousands of symbols (64-bit JVM, compressed references):
 * this record 64 bytes (12 header, 3 references, 2 longs, 3 doubles, 1 int, padded), its map entry 32 bytes,
 * a table slot about 8, the symbol String about 48 (shared with the map key): about 150 bytes a symbol,
 * 0.3 MB for 2,000 symbols. {@code score} and {@code threshold} are NaN during the feature warm-up.
 */
record SymbolSummary(String symbol, long openTime, double close, double score, double threshold,
                     int alerts, long lastAlertTime, Severity lastSeverity) {

    static SymbolSummary first(String symbol) {
        return new SymbolSummary(symbol, Long.MIN_VALUE, Double.NaN, Double.NaN, Double.NaN, 0, Long.MIN_VALUE, null);
    }

    /** The ranking key: the score relative to its threshold (above 1 is anomalous); NaN while not scored. */
    double risk() {
        return threshold > 0 ? score / threshold : Double.NaN;
    }

    /** A newer bar replaces the bar fields; an older one (a replay, a late duplicate) changes nothing. */
    SymbolSummary withBar(long barOpenTime, double barClose, double barScore, double barThreshold) {
        if (barOpenTime < openTime) return this;
        return new SymbolSummary(symbol, barOpenTime, barClose, barScore, barThreshold, alerts, lastAlertTime, lastSeverity);
    }

    SymbolSummary withAlert(long alertOpenTime, Severity severity) {
        boolean newest = alertOpenTime >= lastAlertTime;
        return new SymbolSummary(symbol, openTime, close, score, threshold, alerts + 1,
                newest ? alertOpenTime : lastAlertTime, newest ? severity : lastSeverity);
    }

    void writeTo(ObjectNode o) {
        o.put("symbol", symbol);
        if (openTime != Long.MIN_VALUE) o.put("openTime", openTime);
        number(o, "close", close);
        number(o, "score", score);
        number(o, "threshold", threshold);
        number(o, "risk", risk());
        o.put("alerts", alerts);
        if (lastSeverity != null) o.put("lastAlertTime", lastAlertTime).put("lastSeverity", lastSeverity.name());
    }

    // JSON has no NaN: an unknown number is left out, as risk_events leaves out a warm-up bar's features.
    private static void number(ObjectNode o, String field, double v) {
        if (!Double.isNaN(v)) o.put(field, v);
    }
}

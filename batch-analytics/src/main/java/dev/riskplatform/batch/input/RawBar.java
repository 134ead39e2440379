package dev.riskplatform.batch.input;

/**
 * A raw/bars/ row exactly as stored, before any check: unlike risk-core's Bar it can hold the
 * invalid rows (high below low, non-positive prices) that validation must count, not crash on.
 */
public record RawBar(String symbol, String interval, long openTime, long closeTime,
                     double open, double high, double low, double close,
                     double volume, double quoteVolume, double vwap,
                     long tradeCount, long firstTradeId, long lastTradeId, boolean gap) {
}

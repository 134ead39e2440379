package dev.riskplatform.batch;

/**
 * Test fixture: one raw/bars/ row before any check. Unlike risk-core's Bar it can hold invalid rows
 * (high below low, non-positive prices); {@link BatchFixtures#columns} turns rows into the columns the
 * service reads.
 */
public record RawBar(String symbol, String interval, long openTime, long closeTime,
                     double open, double high, double low, double close,
                     double volume, double quoteVolume, double vwap,
                     long tradeCount, long firstTradeId, long lastTradeId, boolean gap) {
}

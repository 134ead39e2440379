package dev.riskplatform.io;

/**
 * A raw/bars/ file's rows exactly as stored ({@link BarParquet#SCHEMA}), column by column in file
 * order, before any check: unlike risk-core's Bar they can hold invalid rows (high below low,
 * non-positive or NaN prices, negative volume) that a reader must count, not crash on.
 */
public record RawBarColumns(String[] symbol, String[] interval, long[] openTime, long[] closeTime,
                            double[] open, double[] high, double[] low, double[] close,
                            double[] volume, double[] quoteVolume, double[] vwap,
                            long[] tradeCount, long[] firstTradeId, long[] lastTradeId, boolean[] gap) {

    public int size() {
        return openTime.length;
    }
}

package dev.riskplatform.io;

import java.util.List;

/**
 * Bulk path for raw/bars/ files ({@link BarParquet#SCHEMA}): read column by column into primitive
 * arrays (no per-row records). Rows are NOT validated here, unlike {@link BarParquet#read}: callers
 * validate (and count) the rows they exclude.
 */
public final class BarColumnsParquet {

    private static final String WHAT = "raw bar";
    private static final List<String> OHLC = List.of("openTime", "open", "high", "low", "close");
    private static final List<String> ALL = BarParquet.SCHEMA.getFields().stream().map(f -> f.name()).toList();

    private BarColumnsParquet() {
    }

    /** File order columns. */
    public record BarColumns(long[] openTime, double[] open, double[] high, double[] low, double[] close) {
        public int size() {
            return openTime.length;
        }
    }

    /**
     * Only openTime and OHLC, for analytics over bars known to be valid.
     * @throws ParquetFormatException when the bytes are not a raw bar Parquet file
     */
    public static BarColumns read(byte[] parquet) {
        ParquetColumns c = ParquetColumns.read(parquet, WHAT, OHLC);
        return new BarColumns(c.longs("openTime"), c.doubles("open"), c.doubles("high"), c.doubles("low"), c.doubles("close"));
    }

    /**
     * Every field, unchecked, so a reader can count invalid rows instead of failing on them.
     * @throws ParquetFormatException when the bytes are not a raw bar Parquet file
     */
    public static RawBarColumns readRaw(byte[] parquet) {
        ParquetColumns c = ParquetColumns.read(parquet, WHAT, ALL);
        return new RawBarColumns(c.strings("symbol"), c.strings("interval"), c.longs("openTime"), c.longs("closeTime"),
                c.doubles("open"), c.doubles("high"), c.doubles("low"), c.doubles("close"),
                c.doubles("volume"), c.doubles("quoteVolume"), c.doubles("vwap"),
                c.longs("tradeCount"), c.longs("firstTradeId"), c.longs("lastTradeId"), c.booleans("gap"));
    }
}

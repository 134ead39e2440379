package dev.riskplatform.io;

import dev.riskplatform.core.market.BarInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;

/** The raw/ keys of docs/storage.md: Hive-style partitions, one per symbol (× interval) × UTC day. */
public final class PartitionKeys {

    public static final String MANIFEST = "_manifest.json";
    // A symbol ends up inside an S3 key: refuse anything that could escape its partition.
    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9]{2,20}");

    private PartitionKeys() {
    }

    public static String tradesPrefix(String symbol, LocalDate date) {
        return "raw/trades/symbol=" + checkSymbol(symbol) + "/date=" + date + "/";
    }

    public static String barsPrefix(String symbol, BarInterval interval, LocalDate date) {
        return "raw/bars/symbol=" + checkSymbol(symbol) + "/interval=" + interval.code() + "/date=" + date + "/";
    }

    /** {@code prefix/part-<name>.parquet}; the name should be unique per write (a re-run writes new files). */
    public static String part(String prefix, String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) throw new IllegalArgumentException("bad part name '" + name + "'");
        return prefix + "part-" + name + ".parquet";
    }

    public static String manifest(String prefix) {
        return prefix + MANIFEST;
    }

    /** The UTC day holding the instant: partitions are UTC days whatever the machine's zone. */
    public static LocalDate utcDate(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static String checkSymbol(String symbol) {
        String s = symbol == null ? "" : symbol.toUpperCase(Locale.ROOT);
        if (!SYMBOL.matcher(s).matches()) throw new IllegalArgumentException("bad symbol '" + symbol + "'");
        return s;
    }
}

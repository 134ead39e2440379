package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;

/** The columnar bulk reader returns exactly what the record reader returns, and raw rows unchecked. */
class BarColumnsParquetTest {

    private static final BarInterval M1 = BarInterval.parse("1m");

    @Test
    void columnsEqualRecordReader() {
        Random rnd = new Random(9);
        List<Bar> bars = new ArrayList<>();
        double p = 100;
        for (int i = 0; i < 50_000; i++) {
            double o = p;
            p *= Math.exp(0.001 * rnd.nextGaussian());
            long t = 1_700_000_040_000L + i * 60_000L;
            bars.add(new Bar(i % 7 == 0 ? "ETHUSDT" : "BTCUSDT", M1, t, t + 59_999, o, Math.max(o, p) + 1, Math.min(o, p) - 0.5, p,
                    rnd.nextDouble(), p * 2, p, i, i, i + 3, i % 11 == 0));
        }
        byte[] file = new BarParquet().write(bars);
        List<Bar> records = new BarParquet().read(file);
        BarColumnsParquet.BarColumns c = BarColumnsParquet.read(file);
        RawBarColumns raw = BarColumnsParquet.readRaw(file);
        assertEquals(records.size(), c.size());
        assertEquals(records.size(), raw.size());
        for (int i = 0; i < c.size(); i++) {
            Bar b = records.get(i);
            assertEquals(b.openTime(), c.openTime()[i]);
            assertEquals(b.open(), c.open()[i], 0.0);
            assertEquals(b.high(), c.high()[i], 0.0);
            assertEquals(b.low(), c.low()[i], 0.0);
            assertEquals(b.close(), c.close()[i], 0.0);
            assertEquals(b, toBar(raw, i));
        }
    }

    /** Rows risk-core's Bar refuses (high below low, NaN and negative values) come back as stored. */
    @Test
    void rawColumnsKeepInvalidRowsAsStored() {
        double nan = Double.NaN;
        RawBarColumns raw = BarColumnsParquet.readRaw(unchecked(
                row("BTCUSDT", "1m", 60_000, 119_999, 10, 9, 11, -1, -2, nan, 0, 5, 1, 2, false),
                row("XYZ", "5m", 7, 8, nan, Double.POSITIVE_INFINITY, 0, 0, nan, -1, 3, -1, -1, -1, true)));
        assertArrayEquals(new String[]{"BTCUSDT", "XYZ"}, raw.symbol());
        assertArrayEquals(new String[]{"1m", "5m"}, raw.interval());
        assertArrayEquals(new long[]{60_000, 7}, raw.openTime());
        assertArrayEquals(new long[]{119_999, 8}, raw.closeTime());
        assertArrayEquals(new double[]{10, nan}, raw.open());
        assertArrayEquals(new double[]{9, Double.POSITIVE_INFINITY}, raw.high());
        assertArrayEquals(new double[]{11, 0}, raw.low());
        assertArrayEquals(new double[]{-1, 0}, raw.close());
        assertArrayEquals(new double[]{-2, nan}, raw.volume());
        assertArrayEquals(new double[]{nan, -1}, raw.quoteVolume());
        assertArrayEquals(new double[]{0, 3}, raw.vwap());
        assertArrayEquals(new long[]{5, -1}, raw.tradeCount());
        assertArrayEquals(new long[]{1, -1}, raw.firstTradeId());
        assertArrayEquals(new long[]{2, -1}, raw.lastTradeId());
        assertTrue(Arrays.equals(new boolean[]{false, true}, raw.gap()));
    }

    @Test
    void emptyFileGivesEmptyColumns() {
        assertEquals(0, BarColumnsParquet.readRaw(new BarParquet().write(List.of())).size());
    }

    @Test
    void badBytesAreRefusedWithTheReason() {
        byte[] garbage = "this is not parquet at all".getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(ParquetFormatException.class, () -> BarColumnsParquet.readRaw(garbage));
        assertTrue(e.getMessage().contains("PAR1"), e.getMessage());
        byte[] good = new BarParquet().write(List.of(Bar.gap("BTCUSDT", M1, 0, 1.0)));
        byte[] footer = good.clone();
        for (int i = footer.length - 40; i < footer.length - 4; i++) footer[i] = (byte) 0x7f;
        e = assertThrows(ParquetFormatException.class, () -> BarColumnsParquet.readRaw(footer));
        assertTrue(e.getMessage().startsWith("not a readable raw bar Parquet file"), e.getMessage());
        byte[] trades = new TradeParquet().write(List.of());
        assertThrows(ParquetFormatException.class, () -> BarColumnsParquet.readRaw(trades));
        assertThrows(ParquetFormatException.class, () -> BarColumnsParquet.read(trades));
    }

    private static Bar toBar(RawBarColumns r, int i) {
        return new Bar(r.symbol()[i], BarInterval.parse(r.interval()[i]), r.openTime()[i], r.closeTime()[i],
                r.open()[i], r.high()[i], r.low()[i], r.close()[i], r.volume()[i], r.quoteVolume()[i], r.vwap()[i],
                r.tradeCount()[i], r.firstTradeId()[i], r.lastTradeId()[i], r.gap()[i]);
    }

    /** Values in {@link BarParquet#SCHEMA} field order. */
    private static GenericRecord row(Object... values) {
        GenericData.Record r = new GenericData.Record(BarParquet.SCHEMA);
        for (int f = 0; f < values.length; f++) {
            Object v = values[f];
            r.put(f, v instanceof Integer n && BarParquet.SCHEMA.getFields().get(f).schema().getType() == org.apache.avro.Schema.Type.LONG
                    ? Long.valueOf(n) : v instanceof Integer n ? Double.valueOf(n) : v);
        }
        return r;
    }

    /** Writes records as given: BarParquet.write takes risk-core Bars, which refuse such rows. */
    private static byte[] unchecked(GenericRecord... rows) {
        return new ParquetCodec<GenericRecord>(BarParquet.SCHEMA) {
            @Override
            protected GenericRecord toRecord(GenericRecord value, GenericData.Record record) {
                return value;
            }

            @Override
            protected GenericRecord fromRecord(GenericRecord record) {
                return record;
            }
        }.write(List.of(rows));
    }
}

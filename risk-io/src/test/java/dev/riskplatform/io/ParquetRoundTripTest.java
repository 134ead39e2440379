package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.Trade;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParquetRoundTripTest {

    private static final List<Trade> TRADES = List.of(
            Trade.parse("BTCUSDT", 3312345678L, "42000.01000000", "0.00000001", 1_700_000_000_123L, true),
            Trade.parse("BTCUSDT", 3312345679L, "42000.02", "1.5", 1_700_000_030_000L, false),
            Trade.parse("BTCUSDT", 3312345680L, "41999.99", "0.25", 1_700_000_075_000L, true));

    @Test
    void tradesRoundTripWithExactDecimalStrings() {
        TradeParquet codec = new TradeParquet();
        List<Trade> back = codec.read(codec.write(TRADES));
        assertEquals(TRADES, back);
        assertEquals("42000.01000000", back.get(0).price().toPlainString(), "trailing zeros are kept, as Binance sent them");
        assertEquals("0.00000001", back.get(0).quantity().toPlainString());
    }

    @Test
    void barsRoundTripWithEveryField() {
        List<Bar> bars = BarBuilder.buildAll("BTCUSDT", BarInterval.parse("1m"), 0, TRADES);
        assertEquals(2, bars.size());
        List<Bar> withGap = new java.util.ArrayList<>(bars);
        withGap.add(Bar.gap("BTCUSDT", BarInterval.parse("1m"), bars.get(1).openTime() + 60_000, bars.get(1).close()));
        BarParquet codec = new BarParquet();
        assertEquals(withGap, codec.read(codec.write(withGap)));
    }

    @Test
    void emptyListRoundTrips() {
        assertEquals(List.of(), new TradeParquet().read(new TradeParquet().write(List.of())));
    }

    @Test
    void truncatedFileIsRefusedWithTheReason() {
        byte[] ok = new TradeParquet().write(TRADES);
        byte[] truncated = Arrays.copyOf(ok, ok.length - 10);
        var e = assertThrows(ParquetFormatException.class, () -> new TradeParquet().read(truncated));
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
    }

    @Test
    void garbageIsRefusedWithTheReason() {
        byte[] garbage = "this is not parquet at all".getBytes(StandardCharsets.UTF_8);
        var e = assertThrows(ParquetFormatException.class, () -> new BarParquet().read(garbage));
        assertTrue(e.getMessage().contains("PAR1"), e.getMessage());
    }

    @Test
    void corruptFooterIsRefusedWithTheReason() {
        byte[] bytes = new TradeParquet().write(TRADES);
        // Keep both magics but scramble the footer length and the footer itself.
        for (int i = bytes.length - 40; i < bytes.length - 4; i++) bytes[i] = (byte) 0x7f;
        var e = assertThrows(ParquetFormatException.class, () -> new TradeParquet().read(bytes));
        assertTrue(e.getMessage().startsWith("not a readable Trade Parquet file"), e.getMessage());
    }

    @Test
    void tradesFileIsNotReadAsBars() {
        byte[] trades = new TradeParquet().write(TRADES);
        assertThrows(ParquetFormatException.class, () -> new BarParquet().read(trades));
    }
}

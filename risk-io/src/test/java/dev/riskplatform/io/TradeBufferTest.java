package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.riskplatform.core.market.Trade;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The live archive's packed buffer writes the very file the Trade list codec writes. */
class TradeBufferTest {

    private final TradeParquet codec = new TradeParquet();
    private final ChunkPool pool = new ChunkPool();

    @Test
    void writesTheSameBytesAsTheListCodecOverManyChunks() {
        List<Trade> trades = random(20_000, 1);
        TradeBuffer buffer = buffer(trades);
        assertEquals(20_000, buffer.size());
        byte[] file = codec.write(buffer);
        assertArrayEquals(codec.write(trades), file);
        assertEquals(trades, codec.read(file));
    }

    @Test
    void keepsOddDecimalsIdsAndTimesExactly() {
        List<Trade> trades = List.of(
                Trade.parse("BTCUSDT", Long.MAX_VALUE, "1E+3", "0", 0, true),
                Trade.parse("BTCUSDT", 0, "1.5E-300", "00012.50", Trade.MAX_TRADE_TIME_MS, false),
                Trade.parse("BTCUSDT", 5, "1234567890.123456789012345678901234567890123456789012345678901", "1e2", 17, true),
                Trade.parse("BTCUSDT", 4, "42000.01000000", "0.00000001", 16, false));
        assertArrayEquals(codec.write(trades), codec.write(buffer(trades)));
        // Read back without the second: its plain string has 300 digits, more than Trade.parse takes (64).
        List<Trade> readable = List.of(trades.get(0), trades.get(2), trades.get(3));
        assertEquals(readable, codec.read(codec.write(buffer(readable))));
    }

    @Test
    void anEmptyBufferWritesAnEmptyFile() {
        assertArrayEquals(codec.write(List.of()), codec.write(new TradeBuffer("BTCUSDT", pool)));
    }

    @Test
    void releaseGivesTheChunksBackForTheNextBatch() {
        TradeBuffer buffer = buffer(random(1_000, 2));
        long held = pool.bytesInUse();
        assertEquals(0, held % ChunkPool.CHUNK_BYTES);
        buffer.release();
        assertEquals(0, pool.bytesInUse());
        assertEquals(held, pool.bytesFree());
        List<Trade> next = random(500, 3);
        next.forEach(buffer::add);
        assertArrayEquals(codec.write(next), codec.write(buffer), "reused after release");
        assertEquals(held - pool.bytesInUse(), pool.bytesFree(), "chunks come from the pool first");
        pool.trim(ChunkPool.CHUNK_BYTES);
        assertEquals(ChunkPool.CHUNK_BYTES, pool.bytesFree(), "trimmed to what the owner keeps");
    }

    @Test
    void refusesATradeOfAnotherSymbol() {
        TradeBuffer buffer = new TradeBuffer("BTCUSDT", pool);
        var e = assertThrows(IllegalArgumentException.class, () -> buffer.add(Trade.parse("ETHUSDT", 1, "1", "1", 1, true)));
        assertEquals("trade for ETHUSDT added to the BTCUSDT buffer", e.getMessage());
    }

    private TradeBuffer buffer(List<Trade> trades) {
        TradeBuffer buffer = new TradeBuffer("BTCUSDT", pool);
        trades.forEach(buffer::add);
        return buffer;
    }

    /** Ids mostly rising with repeats and steps back, times with jitter, prices walking. */
    static List<Trade> random(int n, long seed) {
        Random r = new Random(seed);
        List<Trade> out = new ArrayList<>(n);
        long id = 3_000_000_000L, time = 1_700_000_000_000L, cents = 4_200_001;
        for (int i = 0; i < n; i++) {
            id += r.nextInt(10) == 0 ? -r.nextInt(5) : 1;
            time += r.nextInt(40) - 5;
            cents = Math.max(1, cents + r.nextInt(7) - 3);
            String qty = r.nextInt(3) + "." + String.format("%08d", r.nextInt(100_000_000));
            out.add(Trade.parse("BTCUSDT", id, cents / 100 + "." + String.format("%02d", cents % 100), qty, time, r.nextBoolean()));
        }
        return out;
    }
}

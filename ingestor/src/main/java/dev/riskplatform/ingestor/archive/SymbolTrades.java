package dev.riskplatform.ingestor.archive;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.io.ChunkPool;
import dev.riskplatform.io.TradeBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One symbol's share of the archive: its buffered trades per UTC day (packed, see
 * {@link TradeBuffer}) and the builder cutting its 1-minute bars. Lives as long as the archiver.
 * A day's trades go to one file per {@code rowsPerFile} trades: encoding and uploading a file
 * holds a few copies of it in memory, so one busy symbol must not make one huge file.
 */
final class SymbolTrades {

    private static final long DAY_MS = 86_400_000L;

    private final String symbol;
    private final ChunkPool pool;
    private final BarBuilder bars;
    private final int rowsPerFile;
    /** By epoch day (nearly always one, two around midnight), each day's buffers in arrival order. */
    private final TreeMap<Long, List<TradeBuffer>> days = new TreeMap<>();
    // The day of the previous trade: a trade finds its buffer without a map lookup or a LocalDate.
    private long lastDay = Long.MIN_VALUE;
    private TradeBuffer last;
    private int buffered;

    SymbolTrades(String symbol, ChunkPool pool, int rowsPerFile, Consumer<Bar> closedBars) {
        this.symbol = symbol;
        this.pool = pool;
        this.rowsPerFile = rowsPerFile;
        this.bars = new BarBuilder(symbol, TradeArchiver.ONE_MINUTE, BarBuilder.DEFAULT_ALLOWED_LATENESS_MS, closedBars);
    }

    void add(Trade t) {
        long day = Math.floorDiv(t.tradeTime(), DAY_MS);
        if (day != lastDay || last == null || last.size() >= rowsPerFile) {
            last = openBuffer(day);
            lastDay = day;
        }
        last.add(t);
        buffered++;
        bars.onTrade(t);
    }

    /** The day's buffer still taking trades; a new one when the last is full. */
    private TradeBuffer openBuffer(long day) {
        List<TradeBuffer> buffers = days.computeIfAbsent(day, d -> new ArrayList<>());
        TradeBuffer tail = buffers.isEmpty() ? null : buffers.get(buffers.size() - 1);
        if (tail == null || tail.size() >= rowsPerFile) buffers.add(tail = new TradeBuffer(symbol, pool));
        return tail;
    }

    int buffered() {
        return buffered;
    }

    /**
     * Hands each buffer to {@code write}, in date then arrival order, and releases it once written;
     * on an exception the buffers not written stay (and the exception propagates).
     */
    void flush(DayWriter write) {
        last = null;
        for (var it = days.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, List<TradeBuffer>> day = it.next();
            for (var buffers = day.getValue().iterator(); buffers.hasNext(); ) {
                TradeBuffer trades = buffers.next();
                write.write(LocalDate.ofEpochDay(day.getKey()), trades);
                buffered -= trades.size();
                trades.release();
                buffers.remove();
            }
            it.remove();
        }
    }

    interface DayWriter {
        void write(LocalDate date, TradeBuffer trades);
    }
}

package dev.riskplatform.ingestor.archive;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.io.ChunkPool;
import dev.riskplatform.io.TradeBuffer;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * One symbol's share of the archive: its buffered trades per UTC day (packed, see
 * {@link TradeBuffer}) and the builder cutting its 1-minute bars. Lives as long as the archiver.
 */
final class SymbolTrades {

    private static final long DAY_MS = 86_400_000L;

    private final String symbol;
    private final ChunkPool pool;
    private final BarBuilder bars;
    /** By epoch day; nearly always one, two around midnight. */
    private final TreeMap<Long, TradeBuffer> days = new TreeMap<>();
    // The day of the previous trade: a trade finds its buffer without a map lookup or a LocalDate.
    private long lastDay = Long.MIN_VALUE;
    private TradeBuffer last;
    private int buffered;

    SymbolTrades(String symbol, ChunkPool pool, Consumer<Bar> closedBars) {
        this.symbol = symbol;
        this.pool = pool;
        this.bars = new BarBuilder(symbol, TradeArchiver.ONE_MINUTE, BarBuilder.DEFAULT_ALLOWED_LATENESS_MS, closedBars);
    }

    void add(Trade t) {
        long day = Math.floorDiv(t.tradeTime(), DAY_MS);
        if (day != lastDay || last == null) {
            last = days.computeIfAbsent(day, d -> new TradeBuffer(symbol, pool));
            lastDay = day;
        }
        last.add(t);
        buffered++;
        bars.onTrade(t);
    }

    int buffered() {
        return buffered;
    }

    /**
     * Hands each day's buffer to {@code write} in date order and releases it once written; on an
     * exception the days not written stay buffered (and the exception propagates).
     */
    void flush(DayWriter write) {
        last = null;
        for (var it = days.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, TradeBuffer> day = it.next();
            write.write(LocalDate.ofEpochDay(day.getKey()), day.getValue());
            buffered -= day.getValue().size();
            day.getValue().release();
            it.remove();
        }
    }

    interface DayWriter {
        void write(LocalDate date, TradeBuffer trades);
    }
}

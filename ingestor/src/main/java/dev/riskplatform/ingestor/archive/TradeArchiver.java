package dev.riskplatform.ingestor.archive;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.ChunkPool;
import dev.riskplatform.io.PartitionKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Buffers archived trades and the 1-minute bars cut from them, and writes both to raw/ on
 * {@link #flush()}. Trades are packed per symbol and day ({@link SymbolTrades}); the bar
 * partitions it wrote are remembered ({@link BarPartitions}) so a flush does not read them back.
 * Not thread-safe: owned by the archive loop's thread.
 */
public final class TradeArchiver {

    static final BarInterval ONE_MINUTE = BarInterval.parse("1m");
    /** ~5 MB of Parquet: what one file's encoding and upload hold in memory stays a few times that. */
    static final int ROWS_PER_FILE = 250_000;

    private final PartitionWriter writer;
    private final ChunkPool pool = new ChunkPool();
    private final Map<String, SymbolTrades> symbols = new HashMap<>();
    private final List<Bar> closedBars = new ArrayList<>();
    /** Closed bars taken out of {@link #closedBars} by a flush that failed before writing them. */
    private final Map<String, Map<LocalDate, List<Bar>>> pendingBars = new TreeMap<>();
    private final BarPartitions written = new BarPartitions(BarPartitions.DEFAULT_MAX_BARS);
    private final int rowsPerFile;
    private int buffered;

    public TradeArchiver(PartitionWriter writer) {
        this(writer, ROWS_PER_FILE);
    }

    TradeArchiver(PartitionWriter writer, int rowsPerFile) {
        this.writer = writer;
        this.rowsPerFile = rowsPerFile;
    }

    public void add(Trade t) {
        SymbolTrades s = symbols.get(t.symbol());
        if (s == null) symbols.put(t.symbol(), s = new SymbolTrades(t.symbol(), pool, rowsPerFile, closedBars::add));
        s.add(t);
        buffered++;
    }

    public int buffered() {
        return buffered;
    }

    /** Trades of {@code symbol} waiting for the next flush. */
    public int buffered(String symbol) {
        SymbolTrades s = symbols.get(symbol);
        return s == null ? 0 : s.buffered();
    }

    /** Heap held by the buffered trades (whole chunks): what bounds a batch's memory. */
    public long bufferedBytes() {
        return pool.bytesInUse();
    }

    /**
     * Writes buffered trades and closed bars. Each partition leaves the buffer once its write
     * succeeded, so on an exception only what was not written stays (the caller retries it) and
     * a retry does not append the written ones a second time.
     */
    public void flush() {
        long batchBytes = pool.bytesInUse();
        flushTrades();
        flushBars();
        buffered = 0;
        pool.trim(batchBytes); // the next batch likely needs as much; after a burst, less
    }

    /** Symbol then date order, as the partitions are named: a retry resumes where a failure stopped. */
    private void flushTrades() {
        for (String symbol : new TreeMap<>(symbols).keySet()) {
            symbols.get(symbol).flush((date, trades) -> {
                writer.appendTrades(symbol, date, trades);
                buffered -= trades.size();
            });
        }
    }

    private void flushBars() {
        for (Bar b : closedBars) {
            pendingBars.computeIfAbsent(b.symbol(), s -> new TreeMap<>()).computeIfAbsent(PartitionKeys.utcDate(b.openTime()), d -> new ArrayList<>()).add(b);
        }
        closedBars.clear();
        for (var bySymbol = pendingBars.entrySet().iterator(); bySymbol.hasNext(); ) {
            var symbol = bySymbol.next();
            for (var days = symbol.getValue().entrySet().iterator(); days.hasNext(); ) {
                var day = days.next();
                writeBars(symbol.getKey(), day.getKey(), day.getValue());
                days.remove();
            }
            bySymbol.remove();
        }
    }

    private void writeBars(String symbol, LocalDate date, List<Bar> bars) {
        try {
            written.put(symbol, date, writer.replaceBars(symbol, ONE_MINUTE, date, bars, written.get(symbol, date)));
        } catch (RuntimeException e) {
            written.forget(symbol, date);
            throw e;
        }
    }
}

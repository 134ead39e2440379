package dev.riskplatform.ingestor.archive;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.PartitionKeys;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Buffers archived trades and the 1-minute bars cut from them, and writes both to raw/ on
 * {@link #flush()}. Not thread-safe: owned by the archive loop's thread.
 */
public final class TradeArchiver {

    static final BarInterval ONE_MINUTE = BarInterval.parse("1m");

    private final PartitionWriter writer;
    private final Map<String, Map<LocalDate, List<Trade>>> trades = new TreeMap<>();
    private final Map<String, BarBuilder> builders = new HashMap<>();
    private final List<Bar> closedBars = new ArrayList<>();
    /** Closed bars taken out of {@link #closedBars} by a flush that failed before writing them. */
    private final Map<String, Map<LocalDate, List<Bar>>> pendingBars = new TreeMap<>();
    private int buffered;

    public TradeArchiver(PartitionWriter writer) {
        this.writer = writer;
    }

    public void add(Trade t) {
        trades.computeIfAbsent(t.symbol(), s -> new TreeMap<>())
                .computeIfAbsent(PartitionKeys.utcDate(t.tradeTime()), d -> new ArrayList<>()).add(t);
        builders.computeIfAbsent(t.symbol(), s -> new BarBuilder(s, ONE_MINUTE, BarBuilder.DEFAULT_ALLOWED_LATENESS_MS, closedBars::add))
                .onTrade(t);
        buffered++;
    }

    public int buffered() {
        return buffered;
    }

    /** Trades of {@code symbol} waiting for the next flush. */
    public int buffered(String symbol) {
        return trades.getOrDefault(symbol, Map.of()).values().stream().mapToInt(List::size).sum();
    }

    /**
     * Writes buffered trades and closed bars. Each partition leaves the buffer once its write
     * succeeded, so on an exception only what was not written stays (the caller retries it) and
     * a retry does not append the written ones a second time.
     */
    public void flush() {
        for (var symbols = trades.entrySet().iterator(); symbols.hasNext(); ) {
            var symbol = symbols.next();
            for (var days = symbol.getValue().entrySet().iterator(); days.hasNext(); ) {
                var day = days.next();
                writer.appendTrades(symbol.getKey(), day.getKey(), day.getValue());
                buffered -= day.getValue().size();
                days.remove();
            }
            symbols.remove();
        }
        for (Bar b : closedBars) {
            pendingBars.computeIfAbsent(b.symbol(), s -> new TreeMap<>()).computeIfAbsent(PartitionKeys.utcDate(b.openTime()), d -> new ArrayList<>()).add(b);
        }
        closedBars.clear();
        for (var symbols = pendingBars.entrySet().iterator(); symbols.hasNext(); ) {
            var symbol = symbols.next();
            for (var days = symbol.getValue().entrySet().iterator(); days.hasNext(); ) {
                var day = days.next();
                writer.writeBars(symbol.getKey(), ONE_MINUTE, day.getKey(), day.getValue());
                days.remove();
            }
            symbols.remove();
        }
        buffered = 0;
    }
}

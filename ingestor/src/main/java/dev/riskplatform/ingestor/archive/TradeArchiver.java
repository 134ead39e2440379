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

    /** Writes buffered trades and closed bars; on an exception nothing is forgotten (the caller retries). */
    public void flush() {
        trades.forEach((symbol, days) -> days.forEach((day, ts) -> writer.appendTrades(symbol, day, ts)));
        trades.clear();
        Map<String, Map<LocalDate, List<Bar>>> bars = new TreeMap<>();
        for (Bar b : closedBars) {
            bars.computeIfAbsent(b.symbol(), s -> new TreeMap<>()).computeIfAbsent(PartitionKeys.utcDate(b.openTime()), d -> new ArrayList<>()).add(b);
        }
        bars.forEach((symbol, days) -> days.forEach((day, bs) -> writer.writeBars(symbol, ONE_MINUTE, day, bs)));
        closedBars.clear();
        buffered = 0;
    }
}

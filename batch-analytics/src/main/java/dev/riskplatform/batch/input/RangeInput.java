package dev.riskplatform.batch.input;

import dev.riskplatform.core.market.BarInterval;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;

/**
 * The raw input of one range run, read day by day in date order. Each day is read once although it
 * is also the next day's look-back, and the next {@code readAhead} days are fetched while the current
 * one is processed: a day's input does not depend on earlier days' output, its S3 round trips can
 * overlap. Not shared between runs (a re-run must see raw data rewritten since).
 */
public final class RangeInput {

    // Look-back days of any spec in use (warm-up × interval ≤ a few days) plus the read-ahead window.
    private static final int KEEP = 8;
    private final RawBarSource source;
    private final Executor executor;
    private final String symbol;
    private final BarInterval interval;
    private final LocalDate last;
    private final int readAhead;
    private final Map<LocalDate, CompletableFuture<DayInput>> days = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, CompletableFuture<DayInput>> eldest) {
            return size() > KEEP + readAhead;
        }
    };

    RangeInput(RawBarSource source, Executor executor, String symbol, BarInterval interval, LocalDate last, int readAhead) {
        this.source = source;
        this.executor = executor;
        this.symbol = symbol;
        this.interval = interval;
        this.last = last;
        this.readAhead = readAhead;
    }

    /** The day's validated input; starts reading the days after it (up to the range's last day). */
    public synchronized DayInput day(LocalDate date) {
        CompletableFuture<DayInput> day = fetch(date);
        for (int k = 1; k <= readAhead && !date.plusDays(k).isAfter(last); k++) fetch(date.plusDays(k));
        try {
            return day.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }

    private CompletableFuture<DayInput> fetch(LocalDate date) {
        return days.computeIfAbsent(date, d -> CompletableFuture.supplyAsync(() -> source.readDay(symbol, interval, d), executor));
    }
}

package dev.riskplatform.batch.run;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a market run is, for the log, {@code GET /runs/{id}} and the shard's gauges: symbols done of the total, the
 * symbol-days done, and the ETA from the rate so far, {@code ETA = (N − i) / (i / elapsed)} over symbol-days.
 */
public final class MarketProgress {

    private final List<String> symbols;
    private final long daysPerSymbol;
    private final long startNanos = System.nanoTime();
    private final AtomicInteger symbolsDone = new AtomicInteger();
    private volatile MarketReport report;
    private volatile String failure;

    MarketProgress(List<String> symbols, long daysPerSymbol) {
        this.symbols = List.copyOf(symbols);
        this.daysPerSymbol = daysPerSymbol;
    }

    public List<String> symbols() {
        return symbols;
    }

    /** A symbol finished, whatever its outcome (the outcomes are in the report). */
    void symbolDone() {
        symbolsDone.incrementAndGet();
    }

    void finished(MarketReport r) {
        report = r;
    }

    /** The run stopped before its report (not a symbol's failure: those are in the report). */
    void failed(String why) {
        failure = why;
    }

    /** Why the run stopped without a report; null otherwise. */
    public String failure() {
        return failure;
    }

    public boolean running() {
        return report == null && failure == null;
    }

    /** The final report, null while running. */
    public MarketReport report() {
        return report;
    }

    public int symbolsDone() {
        return symbolsDone.get();
    }

    /** Symbol-days done per second since the start. */
    public double daysPerSecond() {
        double elapsed = Math.max(1e-9, (System.nanoTime() - startNanos) / 1e9);
        return symbolsDone.get() * daysPerSymbol / elapsed;
    }

    /** Seconds left at the rate so far; null before the first symbol is done. */
    public Double etaSeconds() {
        int done = symbolsDone.get();
        if (done == 0) return null;
        return (symbols.size() - done) * daysPerSymbol / daysPerSecond();
    }

    public double elapsedSeconds() {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}

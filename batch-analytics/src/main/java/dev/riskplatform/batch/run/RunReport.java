package dev.riskplatform.batch.run;

import java.util.List;

/**
 * A run over a range of days, then the symbol's backtest table rewritten: {@code backtestKey} its S3 key, or
 * {@code backtestError} why it was not written. {@link #exitCode()} is the CLI/CronJob contract.
 */
public record RunReport(String symbol, List<DayReport> days, String backtestKey, String backtestError) {

    public RunReport(String symbol, List<DayReport> days) {
        this(symbol, days, null, null);
    }

    public long count(DayReport.Status status) {
        return days.stream().filter(d -> d.status() == status).count();
    }

    /** 0 every day complete, 3 some day missing input (others complete), 1 any error (a day's or the backtest's). */
    public int exitCode() {
        if (count(DayReport.Status.ERROR) > 0 || backtestError != null) return 1;
        return count(DayReport.Status.MISSING_INPUT) > 0 ? 3 : 0;
    }
}

package dev.riskplatform.batch.run;

import java.util.List;
import java.util.Map;

/**
 * A run over a range of days, then the symbol's backtest table rewritten: {@code backtestKey} its S3 key, or
 * {@code backtestError} why it was not written; then the table of every portfolio holding the symbol:
 * {@code portfolioKeys} (name → key) and {@code portfolioErrors} (name → why not). {@link #exitCode()} is the
 * CLI/CronJob contract.
 */
public record RunReport(String symbol, List<DayReport> days, String backtestKey, String backtestError,
                        Map<String, String> portfolioKeys, Map<String, String> portfolioErrors) {

    public RunReport(String symbol, List<DayReport> days) {
        this(symbol, days, null, null, Map.of(), Map.of());
    }

    public long count(DayReport.Status status) {
        return days.stream().filter(d -> d.status() == status).count();
    }

    /** 0 every day complete, 3 some day missing input (others complete), 1 any error (a day's, the backtest's, a portfolio's). */
    public int exitCode() {
        if (count(DayReport.Status.ERROR) > 0 || backtestError != null || !portfolioErrors.isEmpty()) return 1;
        return count(DayReport.Status.MISSING_INPUT) > 0 ? 3 : 0;
    }
}

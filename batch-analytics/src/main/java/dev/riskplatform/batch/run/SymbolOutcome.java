package dev.riskplatform.batch.run;

/**
 * One symbol of a market run: its days by status and its exit code ({@link RunReport#exitCode()}), or, when the run
 * could not start (no model for it), the error alone with exit code 1.
 */
public record SymbolOutcome(String symbol, int exitCode, long complete, long missingInput, long errors, String error) {

    static SymbolOutcome of(RunReport r) {
        String error = r.backtestError() != null ? "backtest table: " + r.backtestError() : null;
        return new SymbolOutcome(r.symbol(), r.exitCode(), r.count(DayReport.Status.COMPLETE),
                r.count(DayReport.Status.MISSING_INPUT), r.count(DayReport.Status.ERROR), error);
    }

    static SymbolOutcome failed(String symbol, Exception e) {
        return new SymbolOutcome(symbol, 1, 0, 0, 0, e.getMessage());
    }
}

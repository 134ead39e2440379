package dev.riskplatform.batch.run;

import dev.riskplatform.core.risk.DayCompleteness;
import java.time.LocalDate;

/** What happened to one (symbol, day); also the body of its batch_runs event (docs/topics.md). */
public record DayReport(String symbol, LocalDate date, Status status, int bars, int expectedBars, int gaps,
                        int duplicates, int invalid, boolean inputManifested, String processedKey, String metricsKey,
                        Integer modelVersion, String message) {

    public enum Status { COMPLETE, MISSING_INPUT, ERROR }

    public static DayReport complete(String symbol, LocalDate date, DayCompleteness c, boolean manifested,
                                     String processedKey, String metricsKey, int modelVersion) {
        return new DayReport(symbol, date, Status.COMPLETE, c.barsPresent(), c.barsExpected(), c.gaps(), c.duplicates(),
                c.invalid(), manifested, processedKey, metricsKey, modelVersion, null);
    }

    public static DayReport missing(String symbol, LocalDate date, DayCompleteness c, boolean found) {
        return new DayReport(symbol, date, Status.MISSING_INPUT, 0, c.barsExpected(), c.barsExpected(), c.duplicates(),
                c.invalid(), false, null, null, null, found ? "no valid bar in the raw partition" : "no raw partition");
    }

    public static DayReport error(String symbol, LocalDate date, Exception e) {
        return new DayReport(symbol, date, Status.ERROR, 0, 0, 0, 0, 0, false, null, null, null, String.valueOf(e.getMessage()));
    }
}

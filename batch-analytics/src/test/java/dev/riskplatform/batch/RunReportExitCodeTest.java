package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.batch.run.DayReport;
import dev.riskplatform.batch.run.RunReport;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The CronJob/Jenkins contract: 0 all complete, 3 some day missing input, 1 any error. */
class RunReportExitCodeTest {

    @Test
    void exitCodeFollowsTheWorstDay() {
        assertEquals(0, report(DayReport.Status.COMPLETE, DayReport.Status.COMPLETE).exitCode());
        assertEquals(3, report(DayReport.Status.COMPLETE, DayReport.Status.MISSING_INPUT).exitCode());
        assertEquals(1, report(DayReport.Status.MISSING_INPUT, DayReport.Status.ERROR).exitCode());
    }

    @Test
    void aPortfolioTableNotWrittenFailsTheRun() {
        RunReport days = report(DayReport.Status.COMPLETE);
        assertEquals(1, new RunReport("BTCUSDT", days.days(), "k", null, java.util.Map.of(), java.util.Map.of("p", "S3 down")).exitCode());
        assertEquals(0, new RunReport("BTCUSDT", days.days(), "k", null, java.util.Map.of("p", "key"), java.util.Map.of()).exitCode());
    }

    private static RunReport report(DayReport.Status... statuses) {
        LocalDate d = LocalDate.of(2024, 1, 1);
        return new RunReport("BTCUSDT", java.util.Arrays.stream(statuses)
                .map(s -> new DayReport("BTCUSDT", d, s, 0, 1440, 1440, 0, 0, false, null, null, null, null)).toList());
    }
}

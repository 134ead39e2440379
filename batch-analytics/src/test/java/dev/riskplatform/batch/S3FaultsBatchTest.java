package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.batch.run.DayReport;
import dev.riskplatform.batch.run.RunReport;
import dev.riskplatform.testsupport.s3fault.FaultPlan;
import dev.riskplatform.testsupport.s3fault.S3Fault;
import dev.riskplatform.testsupport.s3fault.S3FaultProxy;
import dev.riskplatform.testsupport.s3fault.S3FaultResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #19 item 11: a batch run through an S3 that fails 20 % of its requests (latency, resets
 * before and after S3 acted, closes without answer, 503 SlowDown, 500 InternalError) and throttles
 * one write longer than the SDK retries completes with the output a clean run gives; an S3 that
 * fails every request ends the run with a clear error in bounded time.
 */
@QuarkusTest
// Restricted: unrestricted, it is global and every @QuarkusTest of the module (YearRunHarness too) would reach S3
// through the fault proxy, which opens a new S3Proxy connection per request.
@QuarkusTestResource(value = S3FaultResource.class, restrictToAnnotatedClass = true)
class S3FaultsBatchTest extends BatchTestBase {

    static final List<S3Fault> ALL_FAULTS = List.of(S3Fault.LATENCY, S3Fault.RESET_BEFORE, S3Fault.CLOSE_BEFORE,
            S3Fault.RESET_AFTER, S3Fault.SLOW_DOWN, S3Fault.INTERNAL_ERROR);

    private final S3FaultProxy proxy = S3FaultResource.proxy();

    @AfterEach
    void noFaults() {
        proxy.plan(FaultPlan.NONE);
    }

    @Test
    void aTwoWeekRunThroughTwentyPercentFaultsCompletesWithTheOutputOfACleanRun() {
        String symbol = "FLTUSDT";
        // 14 days: ~130 requests, so the seeded 20 % gives the 20 faults asked below.
        LocalDate first = LocalDate.of(2024, 7, 1), last = first.plusDays(13);
        for (LocalDate d = first.minusDays(1); !d.isAfter(last); d = d.plusDays(1)) {
            BatchFixtures.writeRaw(writer, symbol, d, BatchFixtures.day(symbol, d, d.getDayOfMonth(), 42_000));
        }

        // S3 throttles per prefix, in bursts: the first processed/ PUT meets four SlowDowns in a row
        // (all of the SDK's attempts), every other request the seeded 20 %.
        proxy.plan(FaultPlan.firstMatching(r -> r.isPut() && r.target().contains("/processed/"), 4, S3Fault.SLOW_DOWN,
                FaultPlan.seeded(11, 0.2, ALL_FAULTS)));
        RunReport faulted = runner.run(symbol, first, last);
        int faults = proxy.faulted(), requests = proxy.requests();
        proxy.plan(FaultPlan.NONE);

        assertEquals(0, faulted.exitCode(), "every day complete through the faults: " + faulted);
        assertTrue(faults >= 20, faults + " of " + requests + " requests faulted");
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            byte[] metrics = metricsFile(symbol, d), processed = processedFile(symbol, d);
            String run = current(symbol, d).run();
            assertEquals(0, runner.run(symbol, d, d).exitCode());
            assertArrayEquals(metrics, metricsFile(symbol, d), "a clean re-run gives the same metrics " + d);
            assertArrayEquals(processed, processedFile(symbol, d), "a clean re-run gives the same processed " + d);
            assertEquals(run, current(symbol, d).run(), "the same result, the same run id " + d);
        }
    }

    @Test
    void anS3ThatAlwaysFailsEndsTheDayWithAClearErrorNotAHang() {
        String symbol = "DWNUSDT";
        LocalDate day = LocalDate.of(2024, 7, 10);
        BatchFixtures.writeRaw(writer, symbol, day, BatchFixtures.day(symbol, day, 5, 42_000));
        BatchFixtures.writeRaw(writer, symbol, day.minusDays(1), BatchFixtures.day(symbol, day.minusDays(1), 4, 42_000));
        runner.run(symbol, day, day); // the model is loaded and cached; the day's write fails below

        proxy.plan(FaultPlan.always(S3Fault.SLOW_DOWN));
        long start = System.nanoTime();
        RunReport report;
        try {
            report = runner.run(symbol, day, day);
        } catch (RuntimeException e) {
            report = null;
            assertTrue(String.valueOf(e.getMessage()).contains("Status Code: 503"), e.toString());
        }
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 60, "bounded retries: gave up after " + seconds + " s");
        if (report != null) {
            assertEquals(1, report.exitCode());
            DayReport d = report.days().get(0);
            assertTrue(d.message().contains("SlowDown") || d.message().contains("503"), d.message());
        }
        assertTrue(proxy.requests() > 1, "retried before giving up: " + proxy.requests() + " requests");
    }
}

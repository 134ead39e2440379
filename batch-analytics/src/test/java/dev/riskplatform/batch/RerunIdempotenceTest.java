package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Re-running a day replaces it as a whole and gives byte-identical processed and metrics Parquet under the same keys. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RerunIdempotenceTest extends BatchTestBase {

    private static final String SYMBOL = "RERUNUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 5, 2);

    @Test
    void secondRunWritesTheSameBytesAndLeavesNoStrayFiles() {
        BatchFixtures.writeRaw(writer, SYMBOL, DAY.minusDays(1), BatchFixtures.day(SYMBOL, DAY.minusDays(1), 31, 42_000));
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, BatchFixtures.day(SYMBOL, DAY, 32, 42_000));
        String metrics = AnalyticsKeys.metricsPrefix(SYMBOL, DAY);
        String processed = AnalyticsKeys.processedPrefix(SYMBOL, BatchFixtures.M1, DAY);

        assertEquals(0, runner.run(SYMBOL, DAY, DAY).exitCode());
        byte[] metrics1 = metricsFile(SYMBOL, DAY), processed1 = processedFile(SYMBOL, DAY);
        String run1 = current(SYMBOL, DAY).run();
        assertEquals(0, runner.run(SYMBOL, DAY, DAY).exitCode());

        assertArrayEquals(metrics1, metricsFile(SYMBOL, DAY));
        assertArrayEquals(processed1, processedFile(SYMBOL, DAY));
        assertEquals(run1, current(SYMBOL, DAY).run(), "the same result is the same run id, so the same keys");
        assertEquals(3, store.list(metrics).size(), "the pointer, the run's data file and its manifest");
        assertEquals(2, store.list(processed).size(), "the run's data file and its manifest");
    }
}

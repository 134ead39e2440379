package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.batch.run.DayReport;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A raw file that is not bar Parquet fails its day with a message naming the object (in the run report and
 * the batch_runs event), whether a manifest names it or it was listed; the range goes on to the next day.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CorruptRawInputTest extends BatchTestBase {

    private static final String SYMBOL = "CORRUPTUSDT";
    private static final LocalDate D1 = LocalDate.of(2024, 10, 1);

    @Test
    void corruptFileIsNamedInTheDayReport() {
        // Day 1: a truncated file named by a manifest (its size and SHA-256 match: the writer wrote it so).
        byte[] good = BatchFixtures.parquet(BatchFixtures.day(SYMBOL, D1, 81, 10_000));
        var manifest = writer.replace(PartitionKeys.barsPrefix(SYMBOL, BatchFixtures.M1, D1), List.of(Arrays.copyOf(good, good.length / 2)));
        // Day 2: no manifest, a listed object that is not Parquet at all.
        String listed = PartitionKeys.part(PartitionKeys.barsPrefix(SYMBOL, BatchFixtures.M1, D1.plusDays(1)), "junk");
        store.put(listed, "not parquet".getBytes(StandardCharsets.UTF_8), "application/octet-stream");

        List<DayReport> days = runner.run(SYMBOL, D1, D1.plusDays(1)).days();

        assertEquals(List.of(DayReport.Status.ERROR, DayReport.Status.ERROR),
                days.stream().map(DayReport::status).toList());
        String key = manifest.files().get(0).key();
        assertTrue(days.get(0).message().startsWith(key + ": not a"), days.get(0).message());
        assertTrue(days.get(1).message().startsWith(listed + ": not a Parquet file"), days.get(1).message());
    }
}

package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.riskplatform.batch.input.DayInput;
import dev.riskplatform.batch.input.RawBarSource;
import dev.riskplatform.batch.run.DayReport;
import dev.riskplatform.batch.run.RunReport;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A day stored as 1,440 one-bar objects without a manifest (more than one 1,000-key page): every bar is read. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PaginatedRawInputTest extends BatchTestBase {

    private static final String SYMBOL = "PAGEUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 4, 1);

    @Inject
    RawBarSource source;

    /** Fixture upload only: a pooled connection can be stale after the infrastructure test restarted S3Proxy. */
    private void putWithRetry(String key, byte[] bytes) {
        for (int attempt = 1; ; attempt++) {
            try {
                store.put(key, bytes, "application/octet-stream");
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) throw e;
            }
        }
    }

    @Test
    void readsAllObjectsBeyondTheFirstListingPage() throws Exception {
        List<RawBar> day = BatchFixtures.day(SYMBOL, DAY, 21, 50_000);
        String prefix = PartitionKeys.barsPrefix(SYMBOL, BatchFixtures.M1, DAY);
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> puts = new java.util.ArrayList<>();
            for (RawBar b : day) {
                puts.add(pool.submit(() -> putWithRetry(PartitionKeys.part(prefix, Long.toString(b.openTime())),
                        BatchFixtures.parquet(List.of(b)))));
            }
            for (Future<?> f : puts) f.get();
        } finally {
            pool.shutdown();
        }

        DayInput input = source.readDay(SYMBOL, BatchFixtures.M1, DAY);
        assertEquals(day.size(), input.files());
        assertEquals(day.size(), input.day().completeness().barsPresent());
        assertEquals(0, input.day().completeness().gaps());
        assertFalse(input.manifested(), "reported as read without a manifest");

        RunReport run = runner.run(SYMBOL, DAY, DAY);
        assertEquals(DayReport.Status.COMPLETE, run.days().get(0).status());
        assertEquals(day.size(), run.days().get(0).bars());
    }
}

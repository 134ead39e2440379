package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.io.DailyMetricsParquet;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A run killed after writing its new data files but before the manifest: readers still see the old
 * complete day; the next complete run switches them to the new day and removes the orphans.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class KilledRunTest extends BatchTestBase {

    private static final String SYMBOL = "KILLUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 6, 3);

    /** A copy with another close: what the killed run would have written. */
    private static DailyRiskMetrics withClose(DailyRiskMetrics m, double close) {
        try {
            var components = DailyRiskMetrics.class.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                args[i] = components[i].getName().equals("close") ? close : components[i].getAccessor().invoke(m);
            }
            return DailyRiskMetrics.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void readersSeeTheOldDayOrTheNewDayNeverAMix() {
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, BatchFixtures.day(SYMBOL, DAY, 41, 30_000));
        runner.run(SYMBOL, DAY, DAY);
        String metrics = AnalyticsKeys.metricsPrefix(SYMBOL, DAY);
        byte[] oldDay = onlyFile(metrics);

        // New raw data (the ingestor corrected the day), then a run that dies before its manifest PUT.
        List<RawBar> corrected = BatchFixtures.day(SYMBOL, DAY, 42, 31_000);
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, corrected);
        byte[] newMetricsFile = new DailyMetricsParquet().write(List.of(withClose(new DailyMetricsParquet().read(oldDay).get(0),
                corrected.get(corrected.size() - 1).close())));
        writer.writeDataFiles(metrics, List.of(newMetricsFile));
        assertEquals(3, store.list(metrics).size(), "old file, orphan new file, manifest");
        assertArrayEquals(oldDay, onlyFile(metrics), "readers still see the old complete day");

        runner.run(SYMBOL, DAY, DAY);
        byte[] newDay = onlyFile(metrics);
        assertFalse(Arrays.equals(oldDay, newDay));
        assertEquals(corrected.get(corrected.size() - 1).close(), new DailyMetricsParquet().read(newDay).get(0).close());
        assertEquals(2, store.list(metrics).size(), "the orphan and the old file are gone");
    }
}

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
 * A run killed after writing its new partitions (processed and metrics, each complete with its manifest)
 * but before the day's pointer switch: readers still see the old complete day, processed and metrics of
 * the same run; the next complete run switches them to the new day and removes the orphans.
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
        String processed = AnalyticsKeys.processedPrefix(SYMBOL, BatchFixtures.M1, DAY);
        byte[] oldDay = metricsFile(SYMBOL, DAY), oldRows = processedFile(SYMBOL, DAY);
        String oldRun = current(SYMBOL, DAY).run();

        // New raw data (the ingestor corrected the day), then a run that dies before its pointer PUT.
        List<RawBar> corrected = BatchFixtures.day(SYMBOL, DAY, 42, 31_000);
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, corrected);
        byte[] newMetricsFile = new DailyMetricsParquet().write(List.of(withClose(new DailyMetricsParquet().read(oldDay).get(0),
                corrected.get(corrected.size() - 1).close())));
        byte[] newRows = "the killed run's rows".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        var killed = outputs.writeRun(SYMBOL, BatchFixtures.M1, DAY, newRows, newMetricsFile);
        assertEquals(5, store.list(metrics).size(), "pointer; old run file + manifest; orphan run file + manifest");
        assertEquals(4, store.list(processed).size(), "old run file + manifest; orphan run file + manifest");
        assertEquals(oldRun, current(SYMBOL, DAY).run());
        assertArrayEquals(oldDay, metricsFile(SYMBOL, DAY), "readers still see the old complete day");
        assertArrayEquals(oldRows, processedFile(SYMBOL, DAY), "and the old day's processed rows with it");

        runner.run(SYMBOL, DAY, DAY);
        byte[] newDay = metricsFile(SYMBOL, DAY);
        assertFalse(Arrays.equals(oldDay, newDay));
        assertEquals(corrected.get(corrected.size() - 1).close(), new DailyMetricsParquet().read(newDay).get(0).close());
        assertFalse(current(SYMBOL, DAY).run().equals(oldRun) || current(SYMBOL, DAY).run().equals(killed.run()));
        assertEquals(3, store.list(metrics).size(), "the pointer and the new run: the orphan run and the old run are gone");
        assertEquals(2, store.list(processed).size(), "the new run only");
    }
}

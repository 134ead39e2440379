package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.io.DailyMetricsParquet;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A day written before day pointers (metrics/daily/.../date=D/_manifest.json, no _current.json) is still
 * the close history of the next day, and its next run replaces it with the pointer layout, leaving no old file.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PrePointerLayoutTest extends BatchTestBase {

    private static final String SYMBOL = "OLDLAYOUTUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 11, 12);

    @Test
    void oldLayoutDayIsReadAndThenReplaced() {
        LocalDate prev = DAY.minusDays(1);
        BatchFixtures.writeRaw(writer, SYMBOL, prev, BatchFixtures.day(SYMBOL, prev, 91, 28_000));
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, BatchFixtures.day(SYMBOL, DAY, 92, 28_000));
        runner.run(SYMBOL, prev, prev);
        byte[] prevMetrics = metricsFile(SYMBOL, prev);
        // Rewrite the previous day the way the batch wrote it before pointers.
        String prevPrefix = AnalyticsKeys.metricsPrefix(SYMBOL, prev);
        store.list(prevPrefix).forEach(o -> store.delete(o.key()));
        writer.replace(prevPrefix, List.of(prevMetrics));

        runner.run(SYMBOL, DAY, DAY);
        DailyRiskMetrics m = new DailyMetricsParquet().read(metricsFile(SYMBOL, DAY)).get(0);
        double prevClose = new DailyMetricsParquet().read(prevMetrics).get(0).close();
        assertEquals(Math.log(m.close() / prevClose), m.logReturn(), 1e-15, "the old-layout day is the close history");

        runner.run(SYMBOL, prev, prev);
        List<String> keys = store.list(prevPrefix).stream().map(o -> o.key()).toList();
        assertEquals(3, keys.size(), String.valueOf(keys));
        assertTrue(keys.stream().allMatch(k -> k.endsWith("_current.json") || k.startsWith(current(SYMBOL, prev).metrics())), String.valueOf(keys));
    }
}

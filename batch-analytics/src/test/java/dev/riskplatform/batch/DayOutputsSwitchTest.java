package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.batch.run.DayReport;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.io.DailyMetricsParquet;
import dev.riskplatform.io.ProcessedBar;
import dev.riskplatform.io.ProcessedBarParquet;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A day's processed/ and metrics/ switch together: a run that fails after computing (and writing) the
 * day's processed rows but before its metrics are in leaves readers the old processed rows with the old
 * metrics, never the new rows with the old metrics.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DayOutputsSwitchTest extends BatchTestBase {

    private static final String SYMBOL = "SWITCHUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 10, 8);

    @Test
    void aRunFailingBetweenProcessedAndMetricsLeavesBothOld() {
        BatchFixtures.writeRaw(writer, SYMBOL, DAY.minusDays(1), BatchFixtures.day(SYMBOL, DAY.minusDays(1), 81, 33_000));
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, BatchFixtures.day(SYMBOL, DAY, 82, 33_000));
        assertEquals(0, runner.run(SYMBOL, DAY.minusDays(1), DAY).exitCode());
        assertConsistent("after the first run");
        double oldClose = metrics().close();

        // The previous day's metrics file is damaged: the run reads it (close history) only after the day's rows are computed.
        store.list(AnalyticsKeys.metricsPrefix(SYMBOL, DAY.minusDays(1))).stream().map(o -> o.key())
                .filter(k -> k.endsWith(".parquet")).forEach(k -> store.put(k, "damaged".getBytes(StandardCharsets.UTF_8), "x"));
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, BatchFixtures.day(SYMBOL, DAY, 83, 34_000));
        var report = runner.run(SYMBOL, DAY, DAY);
        assertEquals(DayReport.Status.ERROR, report.days().get(0).status(), String.valueOf(report.days().get(0)));

        assertConsistent("after the failed run");
        assertEquals(oldClose, metrics().close(), 0.0, "readers still see the old complete day");
    }

    private DailyRiskMetrics metrics() {
        return new DailyMetricsParquet().read(metricsFile(SYMBOL, DAY)).get(0);
    }

    /** The metrics readers see were computed from the processed rows readers see. */
    private void assertConsistent(String when) {
        List<ProcessedBar> rows = new ProcessedBarParquet().read(processedFile(SYMBOL, DAY));
        double lastReal = rows.stream().filter(r -> !r.gap()).reduce((a, b) -> b).orElseThrow().close();
        assertEquals(lastReal, metrics().close(), 0.0, when + ": metrics of another run than the processed rows");
    }
}

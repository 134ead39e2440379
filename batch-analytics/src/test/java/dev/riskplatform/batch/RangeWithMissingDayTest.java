package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.batch.run.DayReport;
import dev.riskplatform.batch.run.RunReport;
import dev.riskplatform.io.DailyMetricsParquet;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import dev.riskplatform.testsupport.TopicSchemas;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A day without input is reported (run report, exit code 3, batch_runs event), and the range goes on. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RangeWithMissingDayTest extends BatchTestBase {

    private static final String SYMBOL = "GAPDAYUSDT";
    private static final LocalDate D1 = LocalDate.of(2024, 9, 1);

    @Test
    void missingDayIsReportedNotFatal() throws Exception {
        BatchFixtures.writeRaw(writer, SYMBOL, D1, BatchFixtures.day(SYMBOL, D1, 71, 20_000));
        BatchFixtures.writeRaw(writer, SYMBOL, D1.plusDays(2), BatchFixtures.day(SYMBOL, D1.plusDays(2), 73, 20_000));

        RunReport report = runner.run(SYMBOL, D1, D1.plusDays(2));

        assertEquals(List.of(DayReport.Status.COMPLETE, DayReport.Status.MISSING_INPUT, DayReport.Status.COMPLETE),
                report.days().stream().map(DayReport::status).toList());
        assertEquals(3, report.exitCode());
        var third = new DailyMetricsParquet().read(metricsFile(SYMBOL, D1.plusDays(2))).get(0);
        assertNull(third.logReturn(), "no close on the previous day, no daily return");

        ObjectMapper json = new ObjectMapper();
        var records = TopicProbe.readUntil("batch_runs", rs -> rs.stream().filter(r -> r.key().startsWith(SYMBOL + "/")).count() >= 3,
                Duration.ofSeconds(30));
        JsonNode missing = records.stream().filter(r -> r.key().equals(SYMBOL + "/" + D1.plusDays(1)))
                .map(r -> read(json, r.value())).findFirst().orElseThrow();
        assertEquals("missing-input", missing.get("status").asText());
        JsonNode done = records.stream().filter(r -> r.key().equals(SYMBOL + "/" + D1))
                .map(r -> read(json, r.value())).findFirst().orElseThrow();
        assertEquals("complete", done.get("status").asText());
        assertEquals(1440, done.get("bars").asInt());
        assertTrue(done.get("metricsKey").asText().startsWith("metrics/daily/symbol=" + SYMBOL));
        for (var r : records) {
            if (r.key().startsWith(SYMBOL + "/")) assertEquals(List.of(), TopicSchemas.violations("batch_runs", r.value()), r.value());
        }
    }

    private static JsonNode read(ObjectMapper json, String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

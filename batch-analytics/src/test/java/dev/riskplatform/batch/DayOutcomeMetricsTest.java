package dev.riskplatform.batch;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.batch.run.DayReport;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code batch_day_runs_total{status}} (alert rule BatchDayFailed) is on /q/metrics for every status and counts the
 * days of a run by outcome: here one failed day (a raw object that is not Parquet) and one without input.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DayOutcomeMetricsTest extends BatchTestBase {

    private static final String SYMBOL = "DAYMETERUSDT";
    private static final LocalDate D1 = LocalDate.of(2024, 11, 1);

    @Test
    void failedAndMissingDaysAreCounted() {
        double error0 = days("error"), missing0 = days("missing-input"), complete0 = days("complete");
        store.put(PartitionKeys.part(PartitionKeys.barsPrefix(SYMBOL, BatchFixtures.M1, D1), "junk"),
                "not parquet".getBytes(StandardCharsets.UTF_8), "application/octet-stream");

        List<DayReport> run = runner.run(SYMBOL, D1, D1.plusDays(1)).days();

        assertEquals(List.of(DayReport.Status.ERROR, DayReport.Status.MISSING_INPUT), run.stream().map(DayReport::status).toList());
        assertEquals(error0 + 1, days("error"), "batch_day_runs_total{status=\"error\"}");
        assertEquals(missing0 + 1, days("missing-input"), "batch_day_runs_total{status=\"missing-input\"}");
        assertEquals(complete0, days("complete"), "batch_day_runs_total{status=\"complete\"}");
    }

    /** The counter's value on /q/metrics; fails when the series is absent. */
    private static double days(String status) {
        String series = "batch_day_runs_total{status=\"" + status + "\"}";
        for (String line : given().get("/q/metrics").then().statusCode(200).extract().asString().split("\n")) {
            if (line.startsWith(series + " ")) return Double.parseDouble(line.substring(series.length() + 1));
        }
        throw new AssertionError(series + " is not on /q/metrics");
    }
}

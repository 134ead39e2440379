package dev.riskplatform.batch;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** POST /runs with the Jenkins job's YEAR/MONTH/DAY runs that day and answers with the report. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RunsResourceTest extends BatchTestBase {

    private static final String SYMBOL = "RESTUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 11, 5);

    @Test
    void yearMonthDayParametersAreHonoured() {
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, BatchFixtures.day(SYMBOL, DAY, 81, 10_000));
        given().queryParam("symbol", SYMBOL).queryParam("YEAR", DAY.getYear()).queryParam("MONTH", DAY.getMonthValue())
                .queryParam("DAY", DAY.getDayOfMonth())
                .when().post("/runs")
                .then().statusCode(200)
                .body("days[0].date", equalTo(DAY.toString()))
                .body("days[0].status", equalTo("COMPLETE"))
                .body("days[0].bars", equalTo(1440));
        given().queryParam("symbol", SYMBOL).when().post("/runs").then().statusCode(400);
    }
}

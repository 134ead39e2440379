package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.batch.run.RunOnce;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one-shot (CronJob/Jenkins) mode's exit code over real runs: 0 all complete, 3 a day without input. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class RunOnceExitCodeTest extends BatchTestBase {

    private static final String SYMBOL = "ONCEUSDT";
    private static final LocalDate DAY = LocalDate.of(2024, 12, 1);

    @Test
    void exitCodeReflectsMissingInput() {
        BatchFixtures.writeRaw(writer, SYMBOL, DAY, BatchFixtures.day(SYMBOL, DAY, 91, 15_000));
        assertEquals(0, RunOnce.runAll(runner, List.of(SYMBOL), DAY, DAY));
        assertEquals(3, RunOnce.runAll(runner, List.of(SYMBOL), DAY, DAY.plusDays(1)));
    }
}

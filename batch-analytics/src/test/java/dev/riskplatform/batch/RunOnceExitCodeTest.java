package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.batch.run.BatchConfig;
import dev.riskplatform.batch.run.MarketRun;
import dev.riskplatform.batch.run.RunOnce;
import dev.riskplatform.batch.run.Shard;
import jakarta.inject.Inject;
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
        assertEquals(0, RunOnce.runAll(market, List.of(SYMBOL), Shard.WHOLE, DAY, DAY));
        assertEquals(3, RunOnce.runAll(market, List.of(SYMBOL), Shard.WHOLE, DAY, DAY.plusDays(1)));
    }

    @Inject
    BatchConfig config;
    @Inject
    MarketRun market;

    @Test
    void containerArgumentsNameTheDaysAsTheCronJobAndJenkinsPassThem() {
        String symbol = config.symbols().get(0);
        LocalDate day = LocalDate.of(2019, 6, 1);
        BatchFixtures.writeRaw(writer, symbol, day, BatchFixtures.day(symbol, day, 92, 15_000));
        assertEquals(0, RunOnce.runAll(market, config, new String[] {"--from=2019-06-01", "--to=2019-06-01"}));
        assertEquals(3, RunOnce.runAll(market, config, new String[] {"--from=2019-06-01", "--to=2019-06-02"}));
        assertEquals(1, RunOnce.runAll(market, config, new String[] {"--form=2019-06-01"}), "a mistyped argument is an error");
    }
}

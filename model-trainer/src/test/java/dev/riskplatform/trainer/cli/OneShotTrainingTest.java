package dev.riskplatform.trainer.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.service.cli.JobArguments;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.trainer.RawBarsFixture;
import dev.riskplatform.trainer.training.TrainRequest;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The one-shot job's exit codes: 0 promoted, 2 stored but not promoted, 1 error. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OneShotTrainingTest {

    private static final LocalDate DAY = LocalDate.of(2024, 4, 1);

    @Inject
    OneShotTraining job;

    @Inject
    ObjectStore store;

    @Test
    void exitCodeSaysPromotedStoredOrFailed() {
        String symbol = RawBarsFixture.symbol();
        String model = "job-" + UUID.randomUUID().toString().substring(0, 8);
        RawBarsFixture.write(store, RawBarsFixture.walk(symbol, DAY, 1440, 5, 100), true);
        TrainRequest request = TrainRequest.of(symbol, "1m", DAY.toString(), DAY.toString(), model);

        assertEquals(ExitCodes.PROMOTED, job.run(request));
        assertEquals(ExitCodes.NOT_PROMOTED, job.run(request.withMinScoreSpread(1e9)));
        assertEquals(ExitCodes.ERROR, job.run(TrainRequest.of(symbol, "1m", DAY.toString(), DAY.plusDays(1).toString(), model)));
    }

    @Test
    void aSymbolRefusedItsOwnModelMakesThePerSymbolJobExitNotPromoted() {
        String young = RawBarsFixture.symbol();
        RawBarsFixture.write(store, RawBarsFixture.walk(young, DAY, 1440, 6, 100), true);
        var cli = JobArguments.parse(new String[] {"--from=" + DAY, "--to=" + DAY, "--symbols=" + young},
                Set.of("train", "from", "to", "symbols"));
        assertEquals(ExitCodes.NOT_PROMOTED, job.runJob(cli), "one day is too little history: refused, the default keeps it");
        assertEquals(ExitCodes.ERROR, ExitCodes.worst(ExitCodes.NOT_PROMOTED, ExitCodes.ERROR));
    }

    @Test
    void theJobTemplatesArgumentsTrainOnTheLastWholeDays() {
        var cli = JobArguments.parse(new String[] {"--train", "--days=30", "--symbol=ETHUSDT"},
                Set.of("train", "days", "from", "to", "symbol"));
        TrainRequest r = job.request(cli);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertEquals(today.minusDays(30).toString(), r.from());
        assertEquals(today.minusDays(1).toString(), r.to());
        assertEquals("ETHUSDT", r.symbol());
    }
}

package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.batch.processing.ModelLoader;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A promoted model trained on another bar interval is refused with a clear error, never applied. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ModelIntervalMismatchTest extends BatchTestBase {

    @Test
    void fiveMinuteModelIsRefusedForOneMinuteBars() {
        BatchFixtures.ensureModel(registry, "batch-5m-model", FeatureSpec.of(BarInterval.parse("5m"), 30, 30, 10));
        LocalDate d = LocalDate.of(2024, 10, 1);
        var e = assertThrows(ModelLoader.BatchModelException.class, () -> runner.run("batch-5m-model", "BTCUSDT", d, d));
        assertTrue(e.getMessage().contains("5m") && e.getMessage().contains("1m"), e.getMessage());
    }
}

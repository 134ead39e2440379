package dev.riskplatform.trainer.dataset;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.trainer.RawBarsFixture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Bad input fails with the object and the reason, and leaves nothing under features/. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DatasetBadInputTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);
    private static final FeatureSpec SPEC = FeatureSpec.defaults();

    @Inject
    FeatureDatasetBuilder builder;

    @Inject
    ObjectStore store;

    @Test
    void aMissingPartitionIsNamed() {
        String symbol = RawBarsFixture.symbol();
        RawBarsFixture.write(store, RawBarsFixture.walk(symbol, DAY, 1440, 1, 0), true);
        String missing = PartitionKeys.barsPrefix(symbol, RawBarsFixture.M1, DAY.plusDays(1));
        assertFails(symbol, DAY, DAY.plusDays(1), missing, "missing partition");
    }

    @Test
    void corruptParquetIsNamed() {
        String symbol = RawBarsFixture.symbol();
        String prefix = PartitionKeys.barsPrefix(symbol, RawBarsFixture.M1, DAY);
        String key = PartitionKeys.part(prefix, "broken");
        store.put(key, "PAR1 this is not parquet".getBytes(), "application/octet-stream");
        assertFails(symbol, DAY, DAY, key, "corrupt");
    }

    @Test
    void aFileThatDoesNotMatchItsManifestIsNamed() {
        String symbol = RawBarsFixture.symbol();
        RawBarsFixture.write(store, RawBarsFixture.walk(symbol, DAY, 200, 2, 0), true);
        String key = PartitionKeys.part(PartitionKeys.barsPrefix(symbol, RawBarsFixture.M1, DAY), "0000");
        store.put(key, new dev.riskplatform.io.BarParquet().write(RawBarsFixture.walk(symbol, DAY, 199, 2, 0)), "application/octet-stream");
        assertFails(symbol, DAY, DAY, key, "does not match its manifest");
    }

    @Test
    void aRangeShorterThanTheWarmUpIsRefused() {
        String symbol = RawBarsFixture.symbol();
        RawBarsFixture.write(store, RawBarsFixture.walk(symbol, DAY, SPEC.warmUpBars(), 3, 0), true);
        assertFails(symbol, DAY, DAY, symbol, "warm-up");
    }

    @Test
    void anEmptyRangeIsRefused() {
        var e = assertThrows(DatasetException.class, () -> new DatasetRequest("BTCUSDT", SPEC, DAY, DAY.minusDays(1)));
        assertTrue(e.getMessage().contains("empty date range"), e.getMessage());
    }

    private void assertFails(String symbol, LocalDate from, LocalDate to, String named, String reason) {
        var e = assertThrows(DatasetException.class, () -> builder.build(new DatasetRequest(symbol, SPEC, from, to)));
        assertTrue(e.getMessage().contains(named) && e.getMessage().contains(reason), e.getMessage());
        assertTrue(store.list("features/spec=" + "v1-vol30-z30-mom10/symbol=" + symbol + "/").isEmpty(), "nothing was written");
    }
}

package dev.riskplatform.trainer.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.trainer.RawBarsFixture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An identical request reuses the immutable dataset; its rows are FeatureEngine's, bit for bit. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class FeatureDatasetReuseTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Inject
    FeatureDatasetBuilder builder;

    @Inject
    ObjectStore store;

    @Test
    void identicalRequestReusesTheDatasetAndADifferentSpecDoesNot() {
        String symbol = RawBarsFixture.symbol();
        List<Bar> bars = new ArrayList<>(RawBarsFixture.walk(symbol, DAY, 2 * 1440, 7, 500));
        RawBarsFixture.write(store, bars, true);
        DatasetRequest request = new DatasetRequest(symbol, FeatureSpec.defaults(), DAY, DAY.plusDays(1));

        FeatureDataset first = builder.build(request);
        String etag = store.etag(first.key()).orElseThrow();
        FeatureDataset second = builder.build(request);

        assertFalse(first.reused());
        assertTrue(second.reused(), "the second identical request found the dataset");
        assertEquals(first.key(), second.key());
        assertEquals(etag, store.etag(second.key()).orElseThrow(), "the object was not rewritten");
        assertTrue(first.key().matches("features/spec=v2-vol30-z5-mom10/symbol=" + symbol + "/interval=1m/[0-9a-f]{64}/data.parquet"), first.key());
        FeatureMatrix expected = FeatureEngine.computeAll(FeatureSpec.defaults(), bars);
        assertArrayEquals(expected.values(), second.matrix().values(), 0.0, "rows read back are FeatureEngine's");
        assertArrayEquals(expected.openTimes(), second.matrix().openTimes());

        FeatureSpec other = FeatureSpec.of(RawBarsFixture.M1, 20, 30, 10);
        FeatureDataset third = builder.build(new DatasetRequest(symbol, other, DAY, DAY.plusDays(1)));
        assertFalse(third.reused());
        assertNotEquals(first.key(), third.key());
    }

    @Test
    void aPartitionWithoutManifestIsReadFromItsParquetFilesAndGapsAreFilled() {
        String symbol = RawBarsFixture.symbol();
        List<Bar> bars = new ArrayList<>(RawBarsFixture.walk(symbol, DAY, 300, 8, 0));
        bars.remove(100); // one missing minute
        RawBarsFixture.write(store, bars, false);

        FeatureDataset d = builder.build(new DatasetRequest(symbol, FeatureSpec.defaults(), DAY, DAY));

        assertEquals(300 - FeatureSpec.defaults().warmUpBars(), d.matrix().rows(), "the missing minute became a gap bar");
        long step = RawBarsFixture.M1.millis();
        for (int i = 1; i < d.matrix().rows(); i++) assertEquals(step, d.matrix().openTimes()[i] - d.matrix().openTimes()[i - 1]);
    }
}

package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.batch.processing.ModelLoader;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.SymbolModels;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.io.ProcessedBar;
import dev.riskplatform.io.ProcessedBarParquet;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TestModels;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The batch chooses each symbol's model by the detector's rule (risk-core SymbolModels): the symbol's own
 * promoted model {@code <base>-<symbol>}, else the base (default) model; processed rows name the one that scored them.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class PerSymbolModelsTest extends BatchTestBase {

    private static final LocalDate DAY = LocalDate.of(2024, 9, 9);
    private static final String OWN = "OWNBUSDT", SHARED = "SHAREDBUSDT";

    @Inject
    ModelLoader loader;

    @Test
    void aSymbolWithItsOwnModelIsScoredByItAndAnotherByTheDefault() throws Exception {
        String ownName = SymbolModels.nameFor(BatchFixtures.MODEL, OWN);
        register(ownName, FeatureSpec.defaults(), 12, true);
        for (String symbol : List.of(OWN, SHARED)) {
            BatchFixtures.writeRaw(writer, symbol, DAY.minusDays(1), BatchFixtures.day(symbol, DAY.minusDays(1), 71, 3_000));
            BatchFixtures.writeRaw(writer, symbol, DAY, BatchFixtures.day(symbol, DAY, 72, 3_100));
            runner.run(symbol, DAY, DAY);
        }
        RegisteredModel own = registry.loadPromoted(ownName), fallback = registry.loadPromoted(BatchFixtures.MODEL);
        assertNotEquals(own.entry().sha256(), fallback.entry().sha256());
        assertScoredBy(own, new ProcessedBarParquet().read(processedFile(OWN, DAY)));
        assertScoredBy(fallback, new ProcessedBarParquet().read(processedFile(SHARED, DAY)));
    }

    @Test
    void anOwnRegistryWithoutAPromotedVersionLeavesTheSymbolOnTheDefault() throws Exception {
        register(SymbolModels.nameFor(BatchFixtures.MODEL, "UNPROMOTEDUSDT"), FeatureSpec.defaults(), 13, false);
        assertEquals(BatchFixtures.MODEL, loader.loadFor(BatchFixtures.MODEL, "UNPROMOTEDUSDT", BatchFixtures.M1).model());
        assertEquals(BatchFixtures.MODEL, loader.loadFor(BatchFixtures.MODEL, "NOMODELUSDT", BatchFixtures.M1).model());
    }

    @Test
    void anOwnModelOfAnotherFeatureSpecIsRefusedAsTheDetectorRefusesIt() throws Exception {
        register(SymbolModels.nameFor(BatchFixtures.MODEL, "V1USDT"), FeatureSpec.v1Defaults(), 14, true);
        var e = assertThrows(ModelLoader.BatchModelException.class, () -> loader.loadFor(BatchFixtures.MODEL, "V1USDT", BatchFixtures.M1));
        assertTrue(e.getMessage().contains("refuses"), e.getMessage());
    }

    private void register(String name, FeatureSpec spec, long seed, boolean promoted) throws ModelArtifactException {
        if (registry.read(name).isPresent()) return;
        byte[] artifact = TestModels.artifact(spec, 25, 3000, seed, ServedScorer.TAIL_BLEND, 3.0 / 1440);
        registry.register(name, artifact, TestModels.entry(name, artifact, spec, promoted), Map.of());
    }

    /** Every row names {@code m} and carries exactly its served score of the row's features. */
    private static void assertScoredBy(RegisteredModel m, List<ProcessedBar> rows) {
        assertEquals(1440, rows.size());
        List<String> names = m.artifact().featureSpec().featureNames();
        for (ProcessedBar p : rows) {
            assertEquals(m.model(), p.model());
            assertEquals(m.version(), p.modelVersion());
            double expected = m.artifact().servedScorer().score(names.stream().mapToDouble(p::feature).toArray());
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(p.score()), "bar " + p.openTime());
        }
    }
}

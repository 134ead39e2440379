package dev.riskplatform.trainer.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegistryDocument;
import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.service.registry.ModelRegistryStore;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TestModels;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The registry's S3 side, on the real S3 API: conditional writes, verified reads. */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ModelRegistryStoreTest {

    private static final FeatureSpec SPEC = FeatureSpec.defaults();

    @Inject
    ModelRegistryStore registry;

    @Inject
    ObjectStore store;

    @Test
    void concurrentRegistrationsGetDistinctVersionsAndNeitherIsLost() throws Exception {
        String model = "concurrent-" + UUID.randomUUID();
        byte[] a = TestModels.artifact(SPEC, 10, 400, 1);
        byte[] b = TestModels.artifact(SPEC, 10, 400, 2);
        var pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<RegistryEntry>> results = pool.invokeAll(List.<Callable<RegistryEntry>>of(
                    () -> registry.register(model, a, TestModels.entry(model, a, SPEC, true), Map.of()),
                    () -> registry.register(model, b, TestModels.entry(model, b, SPEC, true), Map.of())));
            int v1 = results.get(0).get().version();
            int v2 = results.get(1).get().version();
            assertEquals(List.of(1, 2), List.of(Math.min(v1, v2), Math.max(v1, v2)), "each trainer got its own version");
        } finally {
            pool.shutdown();
        }
        RegistryDocument doc = registry.read(model).orElseThrow();
        assertEquals(2, doc.versions().size(), "both registrations are listed: the loser of the 412 read again and retried");
        assertEquals(2, registry.loadPromoted(model).version());
    }

    @Test
    void aTamperedArtifactIsRefusedWithTheReason() throws Exception {
        String model = "tampered-" + UUID.randomUUID();
        byte[] a = TestModels.artifact(SPEC, 10, 400, 3);
        RegistryEntry entry = registry.register(model, a, TestModels.entry(model, a, SPEC, true), Map.of("card.md", "# card".getBytes()));
        byte[] tampered = a.clone();
        int i = new String(tampered).indexOf("\"split\":[") + 9;
        tampered[i] = (byte) (tampered[i] == '1' ? '2' : '1');
        store.put(entry.artifactKey(), tampered, "application/json");

        var e = assertThrows(ModelArtifactException.class, () -> registry.loadPromoted(model));
        assertTrue(e.getMessage().contains("hash"), e.getMessage());
    }

    @Test
    void noRegistryYetIsAClearError() {
        var e = assertThrows(ModelArtifactException.class, () -> registry.loadPromoted("never-trained"));
        assertTrue(e.getMessage().contains("no registry"), e.getMessage());
    }
}

package dev.riskplatform.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} at the real broker and S3 API:
 * {@code @QuarkusTestResource(RealInfrastructureResource.class)} (or {@code @WithTestResource}).
 * The infrastructure outlives a single Quarkus start on purpose (see {@link RealInfrastructure}).
 */
public class RealInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return RealInfrastructure.get().quarkusConfig();
    }

    @Override
    public void stop() {
        // shared by every test class of this JVM; closed by the JVM shutdown hook
    }
}

package dev.riskplatform.detector;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.stream.RiskPublisher;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.ServiceInfrastructureContract;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Last: it stops and restarts the broker and S3Proxy (see junit-platform.properties). */
@Order(Integer.MAX_VALUE)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class DetectorInfrastructureTest extends ServiceInfrastructureContract {

    @Inject
    RiskPublisher publisher;

    @Inject
    ModelManager models;

    /** Readiness includes the model check: the contract's readiness tests need a model serving. */
    @BeforeEach
    void modelServes() {
        TestModels.ensureServing(models);
    }

    @Test
    void publishedRecordArrivesOnItsTopicWithItsKey() throws Exception {
        String value = "{\"symbol\":\"ETHUSDT\",\"score\":0.42}";
        publisher.event("ETHUSDT", value).get(20, TimeUnit.SECONDS);
        var seen = TopicProbe.readUntil("risk_events", rs -> rs.stream().anyMatch(r -> value.equals(r.value())), Duration.ofSeconds(20));
        var record = seen.stream().filter(r -> value.equals(r.value())).findFirst().orElseThrow();
        assertEquals("ETHUSDT", record.key());
    }
}

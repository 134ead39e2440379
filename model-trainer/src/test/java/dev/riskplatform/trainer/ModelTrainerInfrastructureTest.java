package dev.riskplatform.trainer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.trainer.registry.RegistryEventPublisher;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.ServiceInfrastructureContract;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ModelTrainerInfrastructureTest extends ServiceInfrastructureContract {

    @Inject
    RegistryEventPublisher publisher;

    @Test
    void publishedRecordArrivesOnItsTopicWithItsKey() {
        String value = "{\"version\":1}";
        publisher.publish("btc-iforest", value).await().atMost(Duration.ofSeconds(20));
        var seen = TopicProbe.readUntil("model_registry", rs -> rs.stream().anyMatch(r -> value.equals(r.value())), Duration.ofSeconds(20));
        var record = seen.stream().filter(r -> value.equals(r.value())).findFirst().orElseThrow();
        assertEquals("btc-iforest", record.key());
    }
}

package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.batch.run.BatchRunPublisher;
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
class BatchAnalyticsInfrastructureTest extends ServiceInfrastructureContract {

    @Inject
    BatchRunPublisher publisher;

    @Test
    void publishedRecordArrivesOnItsTopicWithItsKey() {
        String value = "{\"status\":\"complete\"}";
        publisher.publish("BTCUSDT/2013-11-30", value).await().atMost(Duration.ofSeconds(20));
        var seen = TopicProbe.readUntil("batch_runs", rs -> rs.stream().anyMatch(r -> value.equals(r.value())), Duration.ofSeconds(20));
        var record = seen.stream().filter(r -> value.equals(r.value())).findFirst().orElseThrow();
        assertEquals("BTCUSDT/2013-11-30", record.key());
    }
}

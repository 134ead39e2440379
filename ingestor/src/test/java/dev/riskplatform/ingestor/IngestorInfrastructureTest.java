package dev.riskplatform.ingestor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.ingestor.publish.MarketPricePublisher;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.ServiceInfrastructureContract;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class IngestorInfrastructureTest extends ServiceInfrastructureContract {

    @Inject
    MarketPricePublisher publisher;

    @Test
    void publishedRecordArrivesOnItsTopicWithItsKey() throws Exception {
        String value = "{\"e\":\"trade\",\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"42000.01\",\"q\":\"0.5\",\"T\":1700000000000}";
        publisher.publish("BTCUSDT", value).toCompletableFuture().get(20, TimeUnit.SECONDS);
        var seen = TopicProbe.readUntil("market_prices", rs -> rs.stream().anyMatch(r -> value.equals(r.value())), Duration.ofSeconds(20));
        var record = seen.stream().filter(r -> value.equals(r.value())).findFirst().orElseThrow();
        assertEquals("BTCUSDT", record.key());
    }
}

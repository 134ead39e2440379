package dev.riskplatform.detector;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.stream.ConsumerLag;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The stream's meters are on /q/metrics, consumer lag included, once trades have flowed. */
@Order(50)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class MetricsTest {

    private static final List<String> METERS = List.of("detector_trades_total", "detector_bars_total",
            "detector_publish_to_event_latency_seconds_bucket", "detector_alerts_total{severity=\"LOW\"",
            "detector_alerts_total{severity=\"CRITICAL\"", "detector_model_version", "detector_models_rejected_total",
            "detector_dead_letters_total", "detector_model_swap_pause_seconds_count", "detector_model_load_seconds_count",
            "detector_consumer_lag_records");

    @Inject
    ModelManager models;

    @Inject
    ConsumerLag lag;

    @Test
    void streamMetersAndConsumerLagAreExposed() {
        TestModels.ensureServing(models);
        Series.send("METRICSUSDT", Series.closes(5), 0, 5);
        // Known once the consumer has fetched from its partitions; the refresh runs every 2 s.
        Await.until("consumer lag is known", Duration.ofSeconds(30), () -> lag.lag() >= 0);
        String metrics = given().get("/q/metrics").asString();
        for (String meter : METERS) assertTrue(metrics.contains(meter), meter + " missing from /q/metrics");
        assertTrue(metrics.contains("detector_model_reloads_total{"), "reloads by trigger");
    }
}

package dev.riskplatform.detector;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.fail;

import dev.riskplatform.core.artifact.RegistryEntry;
import dev.riskplatform.detector.model.ActiveModel;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.service.registry.ModelRegistryStore;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The gauges the operator alert rules read (ops/prometheus/rules.yml: DetectorNotReady, ModelStale) are on
 * /q/metrics with the serving model's facts: ready 1, the registry time of the serving version, the retrain interval.
 */
@Order(51)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class OperatorMetricsTest {

    @Inject
    ModelManager models;

    @Inject
    ModelRegistryStore registry;

    @Test
    void readinessModelRegistryTimeAndRetrainIntervalAreOnMetrics() throws Exception {
        TestModels.ensureServing(models);
        ActiveModel m = models.active().orElseThrow();
        long registeredAt = registry.read(m.scoring().name()).orElseThrow().version((int) m.version())
                .map(RegistryEntry::registeredAt).orElseThrow();
        // A gauge holds its object weakly: after a GC one without a strong reference reads NaN (the retrain interval did).
        System.gc();
        // The gauges refresh every 10 s.
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (true) {
            String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
            List<String> p = new ArrayList<>();
            expect(p, text, "detector_ready", 1);
            expect(p, text, "detector_model_registered_timestamp_seconds", registeredAt / 1000.0);
            expect(p, text, "detector_model_retrain_interval_seconds", Duration.ofDays(7).toSeconds());
            if (p.isEmpty()) return;
            if (System.nanoTime() > deadline) fail("/q/metrics, serving " + m.scoring().name() + " v" + m.version() + ": " + p);
            Thread.sleep(500);
        }
    }

    private static void expect(List<String> problems, String text, String name, double want) {
        for (String line : text.split("\n")) {
            if (!line.startsWith(name + " ") && !line.startsWith(name + "{")) continue;
            double got = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            if (Math.abs(got - want) > 1e-3) problems.add(name + " = " + got + ", want " + want);
            return;
        }
        problems.add(name + " missing");
    }
}

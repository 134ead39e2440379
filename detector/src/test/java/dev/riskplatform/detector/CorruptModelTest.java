package dev.riskplatform.detector;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** A bad upload is refused and counted; the model serving keeps serving and readiness stays UP. */
@Order(10)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class CorruptModelTest {

    @Inject
    ModelManager models;

    @Test
    void aTamperedArtifactIsRejectedWhileTheOldModelKeepsServing() {
        byte[] good = TestModels.artifact(3);
        // One changed byte inside the hashed body: the artifact's own hash no longer verifies.
        byte[] tampered = new String(good, StandardCharsets.UTF_8).replace("\"codeVersion\":\"detector-test\"",
                "\"codeVersion\":\"detector-tesT\"").getBytes(StandardCharsets.UTF_8);
        assertRejected(tampered, TestModels.contentSha(good), "content hash mismatch");
    }

    @Test
    void anArtifactWhoseHashIsNotTheRegistrysIsRejected() {
        byte[] good = TestModels.artifact(4);
        assertRejected(good, "0".repeat(64), "but the registry lists " + "0".repeat(64));
    }

    /** Leaves a valid promoted model behind, as the next test class (or a restart) expects. */
    @AfterEach
    void promoteAGoodModelAgain() {
        byte[] good = TestModels.artifact(5);
        long v = TestModels.register(good, TestModels.contentSha(good));
        Await.until("v" + v + " serves after the bad one", Duration.ofSeconds(30), () -> models.active().orElseThrow().version() == v);
    }

    private void assertRejected(byte[] artifact, String registrySha, String reason) {
        long serving = TestModels.ensureServing(models);
        double rejected = models.rejectedCount();
        long bad = TestModels.register(artifact, registrySha);
        Await.until("v" + bad + " is rejected", Duration.ofSeconds(30), () -> models.rejectedCount() > rejected);
        assertEquals(serving, models.active().orElseThrow().version(), "the old model keeps serving");
        assertTrue(models.lastProblem().contains("v" + bad) && models.lastProblem().contains(reason), models.lastProblem());
        given().get("/q/health/ready").then().statusCode(200).body("checks.name", hasItem("model"));
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.contains("detector_models_rejected_total " + (rejected + 1)), "metric counts the rejection");
    }
}

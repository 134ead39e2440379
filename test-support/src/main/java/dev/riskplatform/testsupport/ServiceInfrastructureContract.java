package dev.riskplatform.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.service.storage.ObjectStore;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What every service owes the platform, checked against the real broker and S3 API:
 * objects round-trip through the service's store, health and metrics are served, and
 * readiness follows Kafka and S3. A service's test class extends this and adds its own.
 */
public abstract class ServiceInfrastructureContract {

    private static final Duration HEALTH_WAIT = Duration.ofSeconds(30);

    @Inject
    protected ObjectStore store;

    @Test
    void objectRoundTripsThroughTheRealS3Api() {
        String key = "contract-test/" + UUID.randomUUID() + ".txt";
        byte[] body = ("hello " + key).getBytes(StandardCharsets.UTF_8);
        store.put(key, body, "text/plain");

        assertArrayEquals(body, store.get(key).orElseThrow());
        try (S3Client independent = RealInfrastructure.get().s3Client()) {
            byte[] seen = independent.getObjectAsBytes(b -> b.bucket(store.bucket()).key(key)).asByteArray();
            assertArrayEquals(body, seen, "an independent S3 client reads what the service wrote");
        }
        // Since a 412 is judged by reading back (ObjectStore.replace), only other bytes are another writer.
        assertFalse(store.putIfAbsent(key, "other writer".getBytes(StandardCharsets.UTF_8), "text/plain"),
                "another writer's create of the same key loses (412)");
        assertTrue(store.putIfAbsent(key, body, "text/plain"), "the same bytes again: our own earlier attempt, not a conflict");
    }

    @Test
    void messageRoundTripsThroughTheRealBroker() {
        String key = "contract-" + UUID.randomUUID();
        TopicProbe.send("batch_runs", key, "{\"probe\":true}");
        List<ConsumerRecord<String, String>> seen = TopicProbe.readUntil("batch_runs",
                rs -> rs.stream().anyMatch(r -> key.equals(r.key())), Duration.ofSeconds(20));
        assertTrue(seen.stream().anyMatch(r -> key.equals(r.key())), "the record came back from the broker");
    }

    @Test
    void servesLivenessAndPrometheusMetrics() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void readinessIsDownWhileS3IsUnreachableAndUpOnceItIsBack() {
        awaitReadiness(200);
        S3ProxyServer s3 = RealInfrastructure.get().s3();
        s3.stop();
        try {
            awaitReadiness(503);
            given().get("/q/health/ready").then().body("checks.name", hasItem("s3"));
        } finally {
            s3.start();
        }
        awaitReadiness(200);
    }

    @Test
    void readinessIsDownWhileKafkaIsUnreachableAndUpOnceItIsBack() {
        awaitReadiness(200);
        KafkaBroker kafka = RealInfrastructure.get().kafka();
        kafka.stopBroker();
        try {
            awaitReadiness(503);
        } finally {
            kafka.startBroker();
        }
        awaitReadiness(200);
    }

    /** Polls /q/health/ready until it answers {@code status}; fails with the last body otherwise. */
    protected static void awaitReadiness(int status) {
        long deadline = System.nanoTime() + HEALTH_WAIT.toNanos();
        int last = -1;
        String body = "";
        while (System.nanoTime() < deadline) {
            var response = given().get("/q/health/ready");
            last = response.statusCode();
            body = response.asString();
            if (last == status) return;
            sleep(250);
        }
        assertEquals(status, last, "readiness did not become " + status + "; last answer: " + body);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

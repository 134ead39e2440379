package dev.riskplatform.detector.delivery;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructure;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A price jump reaches a real Alertmanager as exactly one alert with the episode's labels, stays one
 * when a forwarder in a fresh group delivers every record again, and resolves once the symbol's bars
 * pass the episode; the webhook receives the alert JSON with a valid signature.
 */
@Order(Integer.MAX_VALUE - 1)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
@QuarkusTestResource(value = DeliveryEndpoints.class, restrictToAnnotatedClass = true)
class AlertDeliveryTest {

    private static final String SYMBOL = "DLVRUSDT";
    private static final int BARS = 200, JUMP_AT = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ModelManager models;

    @Test
    void aJumpIsOneAlertmanagerAlertEvenWhenRedeliveredAndResolvesAfterTheEpisode() throws Exception {
        assumeTrue(DeliveryEndpoints.available(), DeliveryEndpoints.BINARY + " is not installed (apt-get install prometheus-alertmanager): test skipped");
        String am = System.getProperty(DeliveryEndpoints.AM_URL);
        long version = TestModels.ensureServing(models);
        BigDecimal[] closes = Series.jump(Series.closes(BARS), JUMP_AT, "1.05");
        Series.send(SYMBOL, closes, 0, JUMP_AT + 3);

        List<JsonNode> records = Series.read("risk_alerts", SYMBOL, 1);
        assertEquals(1, records.size(), records.toString());
        JsonNode record = records.get(0);
        String alertId = SYMBOL + "-" + Series.openTime(JUMP_AT) + "-v" + version;
        assertEquals(alertId, record.get("alertId").asText());

        Await.until("Alertmanager shows the alert", Duration.ofSeconds(30), () -> active(am).size() == 1);
        JsonNode alert = active(am).get(0);
        JsonNode labels = alert.get("labels");
        assertEquals("RiskAlert", labels.get("alertname").asText());
        assertEquals(alertId, labels.get("alert_id").asText());
        assertEquals(record.get("severity").asText().toLowerCase(), labels.get("severity").asText());
        assertEquals(TestModels.MODEL, labels.get("model").asText());
        assertTrue(alert.get("annotations").get("dashboard").asText().endsWith("/dashboard/?symbol=" + SYMBOL), alert.toString());
        String topFeature = record.get("explanation").get(0).get("feature").asText();
        assertTrue(alert.get("annotations").get("description").asText().startsWith(topFeature + " = "), alert.toString());
        assertEquals(record.get("emittedAt").asLong(), java.time.Instant.parse(alert.get("startsAt").asText()).toEpochMilli());

        webhookReceivedTheSignedAlert(record);
        redeliveredIsStillOneAlert(am, alert);

        Series.send(SYMBOL, closes, JUMP_AT + 3, BARS);
        Await.until("the episode's end resolves the alert", Duration.ofSeconds(60), () -> active(am).isEmpty());
        String metrics = given().get("/q/metrics").asString();
        assertTrue(metrics.lines().anyMatch(l -> l.startsWith("detector_delivery_delivered_total{action=\"resolve\",sink=\"alertmanager\"")
                && !l.endsWith(" 0.0")), "a resolve was delivered");
    }

    private void webhookReceivedTheSignedAlert(JsonNode record) throws IOException {
        Path dir = Path.of(System.getProperty(DeliveryEndpoints.WEBHOOK_DIR));
        Await.until("the webhook receives the alert", Duration.ofSeconds(30), () -> !webhookBodies(dir, record).isEmpty());
        List<Path> bodies = webhookBodies(dir, record);
        assertEquals(1, bodies.size(), "one POST for the alert");
        byte[] body = Files.readAllBytes(bodies.get(0));
        String header = Files.readString(Path.of(bodies.get(0).toString().replace(".json", ".sig")));
        assertEquals(Signature.of(body, DeliveryEndpoints.SECRET.getBytes(StandardCharsets.UTF_8)), header);
        assertTrue(header.matches("sha256=[0-9a-f]{64}"), header);
        assertEquals(record, JSON.readTree(body), "the body is the risk_alerts record");
    }

    /** A forwarder of a new consumer group reads every record again and re-posts the alert: still one, same fingerprint. */
    private void redeliveredIsStillOneAlert(String am, JsonNode alert) throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeliveryMetrics metrics = new DeliveryMetrics(meters, List.of("alertmanager"));
        var settings = new AlertForwarder.Settings(RealInfrastructure.get().kafka().bootstrapServers(), "redeliver-" + UUID.randomUUID(),
                30, "http://127.0.0.1:8082/dashboard/", 3, Duration.ofMillis(200), Duration.ofHours(1), Duration.ofSeconds(1));
        try (AlertForwarder again = new AlertForwarder(settings, List.of(new AlertmanagerSink(URI.create(am), new Http(Duration.ofSeconds(5)))), metrics)) {
            again.start();
            Await.until("the alert is posted again", Duration.ofSeconds(30),
                    () -> active(am).stream().anyMatch(a -> !a.get("updatedAt").equals(alert.get("updatedAt"))));
            // What was delivered is committed: a restart of this group resumes after it, sending nothing again.
            Await.until("the group committed every alert", Duration.ofSeconds(30), () -> committedAlerts(settings.groupId()) == alertsEnd());
        }
        List<JsonNode> now = active(am);
        assertEquals(1, now.size(), "redelivery updated the one alert: " + now);
        assertEquals(alert.get("fingerprint"), now.get(0).get("fingerprint"));
        assertEquals(alert.get("startsAt"), now.get(0).get("startsAt"));
    }

    private static long committedAlerts(String group) {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", RealInfrastructure.get().kafka().bootstrapServers()))) {
            OffsetAndMetadata o = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition("risk_alerts", 0));
            return o == null ? -1 : o.offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long alertsEnd() {
        try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", RealInfrastructure.get().kafka().bootstrapServers()))) {
            TopicPartition p = new TopicPartition("risk_alerts", 0);
            return admin.listOffsets(Map.of(p, OffsetSpec.latest())).partitionResult(p).get().offset();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The active alerts of SYMBOL in Alertmanager (GET /api/v2/alerts). */
    private static List<JsonNode> active(String am) {
        JsonNode all = Series.parse(given().baseUri(am).queryParam("active", true).queryParam("filter", "symbol=\"" + SYMBOL + "\"")
                .get("/api/v2/alerts").asString());
        List<JsonNode> out = new ArrayList<>();
        all.forEach(out::add);
        return out;
    }

    private static List<Path> webhookBodies(Path dir, JsonNode record) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).filter(f -> {
                try {
                    return record.get("alertId").asText().equals(JSON.readTree(f.toFile()).path("alertId").asText());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

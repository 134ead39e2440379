package dev.riskplatform.detector;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.containsString;

import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructure;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/**
 * The one acknowledgement rule holds for a bar the idle timer closes: when its send fails, the
 * next batch is not committed and the stream stops and says so (liveness DOWN), so a restart
 * re-reads from the committed offset and emits the bar then (RestartRecoveryTest) instead of losing it.
 * The failure is real: the broker refuses the event because risk_events' max.message.bytes is set
 * below its size while the bar waits for the idle timer. It breaks the stream, so it runs in its
 * own profile (a fresh application and broker), after every other test.
 */
@QuarkusTest
@TestProfile(IdleSendFailureTest.LongIdle.class)
@QuarkusTestResource(RealInfrastructureResource.class)
class IdleSendFailureTest {

    private static final String SYMBOL = "IDLEFAILUSDT";
    private static final int BARS = 12;

    /** Idle closes 8 s after the last trade: time to change the topic's limit after the last in-batch event. */
    public static class LongIdle implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("detector.idle-after", "8s");
        }
    }

    @Inject
    ModelManager models;

    @Inject
    MeterRegistry meters;

    @Test
    void aFailedIdleCloseStopsTheStreamBeforeTheNextBatchIsCommitted() throws Exception {
        TestModels.ensureServing(models);
        BigDecimal[] closes = Series.closes(BARS + 1);
        Series.send(SYMBOL, closes, 0, BARS);
        Series.read("risk_events", SYMBOL, BARS - 1); // every bar but the last, closed by the next bar's trade
        try (Admin admin = admin()) {
            long committed = awaitCommitted(admin, 2L * BARS);
            setMaxMessageBytes(admin, "64"); // an event is ~1 KB: the broker refuses the idle close's send
            Await.until("the idle timer closed the last bar", Duration.ofSeconds(30), () -> closedBars() >= BARS);

            Series.send(SYMBOL, closes, BARS, BARS + 1); // the next batch: it must not be committed
            Await.until("liveness DOWN", Duration.ofSeconds(30), () -> given().get("/q/health/live").statusCode() == 503);
            given().get("/q/health/live").then().body(containsString("RecordTooLargeException"));
            assertEquals(committed, committed(admin), "the batch after the failed send is not committed");
        }
        long lastOpen = Series.openTime(BARS - 1);
        assertTrue(Series.readAll("risk_events", SYMBOL).stream().noneMatch(e -> e.get("openTime").asLong() == lastOpen),
                "the refused event is not in risk_events: a restart re-reads its trades and emits it");
    }

    private double closedBars() {
        var counter = meters.find("detector.bars").counter();
        return counter == null ? 0 : counter.count();
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafka().bootstrapServers());
        return Admin.create(p);
    }

    private static void setMaxMessageBytes(Admin admin, String bytes) throws Exception {
        ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, "risk_events");
        AlterConfigOp op = new AlterConfigOp(new ConfigEntry("max.message.bytes", bytes), AlterConfigOp.OpType.SET);
        admin.incrementalAlterConfigs(Map.of(topic, List.of(op))).all().get();
    }

    /** Sum of the detector group's committed offsets on market_prices. */
    private static long committed(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets("detector").partitionsToOffsetAndMetadata().get();
        return offsets.entrySet().stream().filter(e -> e.getKey().topic().equals("market_prices"))
                .mapToLong(e -> e.getValue().offset()).sum();
    }

    private static long awaitCommitted(Admin admin, long records) throws Exception {
        long[] seen = {0};
        Await.until("the detector committed " + records + " records", Duration.ofSeconds(30), () -> {
            try {
                seen[0] = committed(admin);
            } catch (Exception e) {
                return false;
            }
            return seen[0] >= records;
        });
        return seen[0];
    }
}

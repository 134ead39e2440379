package dev.riskplatform.ingestor.archive;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.Await;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.TradeParquet;
import dev.riskplatform.testsupport.RealInfrastructure;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The s3-down-batch drill's finding, in a test: S3 goes away while the service archives, the
 * archiver keeps retrying (readiness DOWN with the reason) and catches up once S3 is back, in the
 * same service instance.
 */
@QuarkusTest
@TestProfile(ArchiveRetryTest.ArchiveOn.class)
@QuarkusTestResource(RealInfrastructureResource.class)
class ArchiveRetryTest {

    public static class ArchiveOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ingestor.archive.enabled", "true",
                    "ingestor.archive.group-id", "archiver-retry-test",
                    "ingestor.archive.flush-interval", "300ms",
                    "ingestor.archive.retry-initial", "200ms",
                    "ingestor.archive.retry-max", "1s");
        }
    }

    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    @Inject PartitionWriter writer;
    @Inject ArchiveStartup archive;

    @Test
    void aStoppedS3MakesReadinessDownWhileTheArchiverRetriesAndTheTradesLandWhenItIsBack() throws Exception {
        String symbol = "RTY" + (System.nanoTime() % 1_000_000) + "USDT";
        String prefix = PartitionKeys.tradesPrefix(symbol, DAY);
        long start = Instant.parse("2024-06-01T10:00:00Z").toEpochMilli();
        List<Trade> before = trades(symbol, 1, start);
        List<Trade> during = trades(symbol, 1001, start + 60_000);

        publish(before);
        Await.until("the first trades archived", Duration.ofSeconds(60), () -> archivedIds(prefix).containsAll(ids(before)));
        Await.until("archive readiness UP", Duration.ofSeconds(30), () -> "UP".equals(archiveCheck().get("status")));

        var s3 = RealInfrastructure.get().s3();
        s3.stop();
        try {
            publish(during);
            Await.until("archive readiness DOWN with the reason", Duration.ofSeconds(60), () -> {
                Map<String, Object> check = archiveCheck();
                Object reason = data(check).get("reason");
                return "DOWN".equals(check.get("status")) && reason != null
                        && reason.toString().contains("S3 write failing since") && reason.toString().contains("retry in");
            });
            // Still alive and retrying (not stopped): the failure count keeps growing, the thread runs.
            int failures = failures();
            Await.until("another retry", Duration.ofSeconds(30), () -> failures() > failures);
            assertTrue(archive.loopAlive(), "the archive loop's thread is alive");
            assertTrue(archive.status().snapshot().state() == ArchiveStatus.State.FAILING, archive.status().snapshot().toString());
            assertTrue(metric("ingestor_archive_consecutive_failures") >= 2, "gauge of consecutive failures");
            assertTrue(metric("ingestor_archive_write_failures_total") >= 2, "write failures counter");
        } finally {
            s3.start();
        }

        Await.until("the trades published while S3 was down archived", Duration.ofSeconds(60),
                () -> archivedIds(prefix).containsAll(ids(during)));
        Await.until("archive readiness UP again", Duration.ofSeconds(30), () -> "UP".equals(archiveCheck().get("status")));
        assertTrue(writer.manifest(prefix).orElseThrow().files().size() >= 2, "the manifest names the new file");
        assertTrue(archive.loopAlive());
        assertEquals(0, metric("ingestor_archive_consecutive_failures"), "archive healthy again");
    }

    /** The value of an untagged series in /q/metrics (Prometheus text format). */
    private static double metric(String name) {
        String body = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return body.lines().filter(l -> l.startsWith(name + " ") || l.startsWith(name + "{")).findFirst()
                .map(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .orElseThrow(() -> new AssertionError(name + " not in /q/metrics"));
    }

    private static List<Trade> trades(String symbol, long firstId, long firstTime) {
        List<Trade> out = new ArrayList<>();
        for (int i = 0; i < 20; i++) out.add(Trade.parse(symbol, firstId + i, "6" + (1000 + i) + ".5", "0.01", firstTime + i * 1_000L, i % 2 == 0));
        return out;
    }

    private static void publish(List<Trade> trades) throws Exception {
        try (KafkaProducer<String, String> producer = TopicProbe.producer()) {
            for (Trade t : trades) producer.send(new ProducerRecord<>("market_prices", t.symbol(), MarketPriceMessage.toJson(t, "binance", 1))).get();
        }
    }

    private static Set<Long> ids(List<Trade> trades) {
        return trades.stream().map(Trade::tradeId).collect(Collectors.toSet());
    }

    private Set<Long> archivedIds(String prefix) {
        return ids(writer.readAll(prefix, new TradeParquet()::read));
    }

    private int failures() {
        Object n = data(archiveCheck()).get("consecutive-failures");
        return n == null ? 0 : ((Number) n).intValue();
    }

    private static Map<String, Object> archiveCheck() {
        List<Map<String, Object>> checks = given().get("/q/health/ready").then().extract().jsonPath().getList("checks");
        return checks.stream().filter(c -> "archive".equals(c.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no archive check in " + checks));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> data(Map<String, Object> check) {
        Object data = check.get("data");
        return data == null ? Map.of() : (Map<String, Object>) data;
    }
}

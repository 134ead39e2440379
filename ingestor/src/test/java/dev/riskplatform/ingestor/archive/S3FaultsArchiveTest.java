package dev.riskplatform.ingestor.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.Await;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.TradeParquet;
import dev.riskplatform.testsupport.RealInfrastructure;
import dev.riskplatform.testsupport.TopicProbe;
import dev.riskplatform.testsupport.s3fault.FaultPlan;
import dev.riskplatform.testsupport.s3fault.S3Fault;
import dev.riskplatform.testsupport.s3fault.S3FaultProxy;
import dev.riskplatform.testsupport.s3fault.S3FaultResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue #19 item 11: the archive, flushing often, through an S3 that fails 20 % of its requests
 * (latency, resets before and after S3 acted, closes without answer, 503 SlowDown, 500
 * InternalError): every flush succeeds and every trade lands exactly once on its UTC day.
 */
@QuarkusTest
@QuarkusTestResource(value = S3FaultResource.class, restrictToAnnotatedClass = true)
class S3FaultsArchiveTest {

    private static final List<S3Fault> ALL_FAULTS = List.of(S3Fault.LATENCY, S3Fault.RESET_BEFORE, S3Fault.CLOSE_BEFORE,
            S3Fault.RESET_AFTER, S3Fault.SLOW_DOWN, S3Fault.INTERNAL_ERROR);
    private static final int DAYS = 40, PER_FLUSH = 5;

    @Inject PartitionWriter writer;

    private final S3FaultProxy proxy = S3FaultResource.proxy();

    @AfterEach
    void noFaults() {
        proxy.plan(FaultPlan.NONE);
    }

    @Test
    void frequentFlushesThroughTwentyPercentFaultsArchiveEveryTradeOnce() throws Exception {
        String symbol = "FLA" + (System.nanoTime() % 1_000_000) + "USDT";
        LocalDate first = LocalDate.of(2024, 8, 1);
        List<List<Trade>> byDay = new ArrayList<>();
        for (int d = 0; d < DAYS; d++) byDay.add(trades(symbol, first.plusDays(d), 1_000L * d));

        String group = "archiver-faults-" + UUID.randomUUID();
        TradeArchiver archiver = new TradeArchiver(writer);
        ArchiveLoop loop = new ArchiveLoop(RealInfrastructure.get().kafka().bootstrapServers(), group, archiver, 1_000_000, Duration.ofHours(1));
        // One day's trades PUT meets four SlowDowns in a row (all of the SDK's attempts: S3 throttles a
        // prefix in bursts); every other request the seeded 20 %.
        proxy.plan(FaultPlan.firstMatching(r -> r.isPut() && r.target().contains("2024-08-20"), 4, S3Fault.SLOW_DOWN,
                FaultPlan.seeded(23, 0.2, ALL_FAULTS)));
        try (KafkaProducer<String, String> producer = TopicProbe.producer()) {
            for (int d = 0; d < DAYS; d += PER_FLUSH) {
                int expected = 0;
                for (int i = d; i < d + PER_FLUSH; i++) {
                    for (Trade t : byDay.get(i)) producer.send(new ProducerRecord<>("market_prices", symbol, MarketPriceMessage.toJson(t, "binance", 1))).get();
                    expected += byDay.get(i).size();
                }
                int want = expected;
                Await.until("trades polled", Duration.ofSeconds(60), () -> {
                    loop.pollOnce(Duration.ofMillis(100));
                    return archiver.buffered(symbol) == want;
                });
                loop.flushAndCommit(); // throws when S3 failed through every retry: the test fails
            }
        } finally {
            loop.stop();
        }
        int faults = proxy.faulted(), requests = proxy.requests();
        proxy.plan(FaultPlan.NONE);

        assertTrue(faults > requests / 10, faults + " of " + requests + " requests faulted");
        for (int d = 0; d < DAYS; d++) {
            LocalDate day = first.plusDays(d);
            assertEquals(byDay.get(d), writer.readAll(PartitionKeys.tradesPrefix(symbol, day), new TradeParquet()::read),
                    day + ": every trade once, in order");
        }
    }

    private static List<Trade> trades(String symbol, LocalDate day, long firstId) {
        long start = Instant.parse(day + "T12:00:00Z").toEpochMilli();
        List<Trade> out = new ArrayList<>();
        for (int i = 0; i < 10; i++) out.add(Trade.parse(symbol, firstId + i, "6" + (1000 + i) + ".5", "0.01", start + i * 1_000L, i % 2 == 0));
        return out;
    }
}

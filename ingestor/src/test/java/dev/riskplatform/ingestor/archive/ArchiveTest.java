package dev.riskplatform.ingestor.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.Await;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.TradeParquet;
import dev.riskplatform.testsupport.RealInfrastructure;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class ArchiveTest {

    @Inject PartitionWriter writer;

    @Test
    void tradesAndOneMinuteBarsAreArchivedPerUtcDayAndOffsetsCommittedAfterTheWrite() throws Exception {
        String symbol = "ARC" + (System.nanoTime() % 1_000_000) + "USDT";
        long start = Instant.parse("2024-05-01T23:58:00Z").toEpochMilli();
        List<Trade> sent = new ArrayList<>();
        for (int i = 0; i < 240; i++) sent.add(Trade.parse(symbol, 100 + i, "6" + (1000 + i) + ".5", "0.01", start + i * 1_000L, i % 2 == 0));
        try (KafkaProducer<String, String> producer = TopicProbe.producer()) {
            for (Trade t : sent) producer.send(new ProducerRecord<>("market_prices", symbol, MarketPriceMessage.toJson(t, "binance", 1))).get();
        }
        String group = "archiver-test-" + UUID.randomUUID();
        TradeArchiver archiver = new TradeArchiver(writer);
        ArchiveLoop loop = new ArchiveLoop(RealInfrastructure.get().kafka().bootstrapServers(), group, archiver, 1_000_000, Duration.ofHours(1));
        try {
            // Other tests' symbols share the topic: poll until ours are all buffered, then flush once.
            Await.until("all trades polled", Duration.ofSeconds(60), () -> {
                loop.pollOnce(Duration.ofMillis(200));
                return archiver.buffered(symbol) == 240;
            });
            assertEquals(0, committedOffsets(group), "nothing committed before the S3 write");
            loop.flushAndCommit();
        } finally {
            loop.stop();
        }
        LocalDate may1 = LocalDate.of(2024, 5, 1), may2 = LocalDate.of(2024, 5, 2);
        List<Trade> day1 = writer.readAll(PartitionKeys.tradesPrefix(symbol, may1), new TradeParquet()::read);
        List<Trade> day2 = writer.readAll(PartitionKeys.tradesPrefix(symbol, may2), new TradeParquet()::read);
        assertEquals(sent.subList(0, 120), day1, "23:58:00-23:59:59 on May 1st, exact");
        assertEquals(sent.subList(120, 240), day2);
        List<Bar> bars1 = writer.readAll(PartitionKeys.barsPrefix(symbol, TradeArchiver.ONE_MINUTE, may1), new BarParquet()::read);
        assertEquals(2, bars1.size(), "23:58 and 23:59 closed");
        assertEquals(60, bars1.get(0).tradeCount());
        assertTrue(committedOffsets(group) > 0, "offsets committed after the S3 write");
    }

    private static long committedOffsets(String group) throws Exception {
        try (Admin admin = RealInfrastructure.get().kafka().admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                    .mapToLong(o -> o.offset()).sum();
        }
    }
}

package dev.riskplatform.ingestor.archive;

import dev.riskplatform.io.MarketPriceMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * market_prices → raw/ with its own consumer group. Offsets are committed only after the S3
 * writes of everything polled so far succeeded, so a crash re-reads what Kafka still holds
 * instead of losing it (at-least-once; readers deduplicate by trade id). A plain consumer on
 * one thread makes that ordering explicit.
 */
public final class ArchiveLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ArchiveLoop.class);

    private final KafkaConsumer<String, String> consumer;
    private final TradeArchiver archiver;
    private final int batchSize;
    private final long flushNanos;
    private volatile boolean running = true;
    private long lastFlush = System.nanoTime();

    public ArchiveLoop(String bootstrap, String groupId, TradeArchiver archiver, int batchSize, Duration flushInterval) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
        this.archiver = archiver;
        this.batchSize = batchSize;
        this.flushNanos = flushInterval.toNanos();
        consumer.subscribe(List.of("market_prices"));
    }

    @Override
    public void run() {
        try {
            while (running) pollOnce(Duration.ofMillis(500));
            flushAndCommit();
        } catch (RuntimeException e) {
            LOG.errorf(e, "archive loop stopped; uncommitted trades will be re-read on restart");
        } finally {
            consumer.close();
        }
    }

    /** One poll; flushes and commits when the batch is full or old enough. */
    public void pollOnce(Duration timeout) {
        for (ConsumerRecord<String, String> r : consumer.poll(timeout)) {
            try {
                archiver.add(MarketPriceMessage.parse(r.value()).trade());
            } catch (IllegalArgumentException e) {
                LOG.warnf("market_prices %d@%d not archived: %s", r.partition(), r.offset(), e.getMessage());
            }
        }
        if (archiver.buffered() >= batchSize || System.nanoTime() - lastFlush >= flushNanos) flushAndCommit();
    }

    public void flushAndCommit() {
        archiver.flush();
        consumer.commitSync(); // only now: what was polled is in S3
        lastFlush = System.nanoTime();
    }

    public void stop() {
        running = false;
    }
}

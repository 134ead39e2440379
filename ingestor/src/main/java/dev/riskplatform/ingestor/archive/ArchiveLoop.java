package dev.riskplatform.ingestor.archive;

import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.ingestor.binance.Backoff;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * market_prices → raw/ with its own consumer group. Offsets are committed only after the S3
 * writes of everything polled so far succeeded, so a crash re-reads what Kafka still holds
 * instead of losing it (at-least-once; readers deduplicate by trade id). A plain consumer on
 * one thread makes that ordering explicit.
 *
 * <p>A failed write or commit (S3 down, a timeout, a refused connection) is retried with the same
 * batch after an exponential backoff, for as long as the service runs. While it waits, every
 * assigned partition is paused and the loop keeps polling: the consumer stays in its group
 * (max.poll.interval.ms is never reached) and nothing more is buffered. Only an error that is
 * not an I/O, S3 or Kafka one (a bug) stops the loop; {@link ArchiveStatus} says so either way.
 */
public final class ArchiveLoop implements Runnable {

    private static final Logger LOG = Logger.getLogger(ArchiveLoop.class);
    private static final Duration POLL = Duration.ofMillis(500);

    private final KafkaConsumer<String, byte[]> consumer;
    private final TradeArchiver archiver;
    private final int batchSize;
    private final long batchBytes;
    private final long flushNanos;
    private final Backoff backoff;
    private final ArchiveStatus status;
    private volatile boolean running = true;
    private long lastFlush = System.nanoTime();

    public ArchiveLoop(String bootstrap, String groupId, TradeArchiver archiver, int batchSize, Duration flushInterval) {
        this(bootstrap, groupId, archiver, batchSize, Long.MAX_VALUE, flushInterval, Duration.ofSeconds(1), Duration.ofSeconds(60), new ArchiveStatus());
    }

    /** A batch is flushed at {@code batchSize} trades, {@code batchBytes} of buffer or {@code flushInterval}, whichever comes first. */
    public ArchiveLoop(String bootstrap, String groupId, TradeArchiver archiver, int batchSize, long batchBytes, Duration flushInterval,
                       Duration retryInitial, Duration retryMax, ArchiveStatus status) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, groupId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                // Bytes, parsed as they are (MarketPriceMessage#parse(byte[])): no String copy of every trade first.
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        this.archiver = archiver;
        this.batchSize = batchSize;
        this.batchBytes = batchBytes;
        this.flushNanos = flushInterval.toNanos();
        this.backoff = new Backoff(retryInitial, retryMax);
        this.status = status;
        consumer.subscribe(List.of("market_prices"));
    }

    @Override
    public void run() {
        try {
            while (running) pollOnce(POLL);
            try {
                flushAndCommit();
            } catch (RuntimeException e) {
                LOG.warnf("archive: last flush at shutdown failed (%s); uncommitted trades will be re-read on restart", ArchiveStatus.describe(e));
            }
        } catch (RuntimeException | Error e) {
            status.stopped(e, Instant.now());
            LOG.errorf(e, "archive loop stopped; uncommitted trades will be re-read on restart");
        } finally {
            consumer.close();
        }
    }

    /** One poll; flushes and commits (retrying until it succeeds) when the batch is full or old enough. */
    public void pollOnce(Duration timeout) {
        addAll(consumer.poll(timeout));
        if (batchFull(archiver, batchSize, batchBytes) || System.nanoTime() - lastFlush >= flushNanos) flushWithRetry();
    }

    /** By trades or by the bytes their buffers hold (long decimal strings make bigger trades): memory stays bounded. */
    public static boolean batchFull(TradeArchiver archiver, int batchSize, long batchBytes) {
        return archiver.buffered() >= batchSize || archiver.bufferedBytes() >= batchBytes;
    }

    private void addAll(Iterable<ConsumerRecord<String, byte[]>> records) {
        for (ConsumerRecord<String, byte[]> r : records) {
            try {
                archiver.add(MarketPriceMessage.parse(r.value()).trade());
            } catch (IllegalArgumentException e) {
                LOG.warnf("market_prices %d@%d not archived: %s", r.partition(), r.offset(), e.getMessage());
            }
        }
    }

    /**
     * Flushes and commits; on a transient failure waits (backoff, polling with paused partitions)
     * and retries the same batch until it succeeds or the loop is stopped. Rethrows anything else.
     */
    void flushWithRetry() {
        while (true) {
            try {
                flushAndCommit();
                if (!consumer.paused().isEmpty()) consumer.resume(consumer.paused());
                if (status.consecutiveFailures() > 0) LOG.infof("archive: writing again after %d failed attempts", status.consecutiveFailures());
                backoff.reset();
                status.written(Instant.now());
                return;
            } catch (RuntimeException e) {
                if (!isTransient(e)) throw e;
                Duration wait = backoff.next();
                status.failed(e, wait, Instant.now());
                LOG.warnf("archive: write failed (%d in a row), retrying the same batch in %d ms: %s",
                        status.consecutiveFailures(), wait.toMillis(), ArchiveStatus.describe(e));
                if (!waitPolling(wait)) return; // stopping: run() makes one last attempt
            }
        }
    }

    /** Polls with every assigned partition paused until {@code wait} is over; false if the loop was stopped meanwhile. */
    private boolean waitPolling(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        while (running) {
            long left = until - System.nanoTime();
            if (left <= 0) return true;
            // Again before each poll: a rebalance may have assigned new (unpaused) partitions.
            consumer.pause(consumer.assignment());
            // Normally empty; records fetched in the same poll as a new assignment are kept, not dropped.
            addAll(consumer.poll(Duration.ofNanos(Math.min(left, POLL.toNanos()))));
        }
        return false;
    }

    /** S3, I/O and Kafka errors pass (S3 down, timeouts, a rebalance during the commit); anything else is a bug. */
    static boolean isTransient(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SdkException || t instanceof IOException || t instanceof UncheckedIOException
                    || t instanceof KafkaException || t instanceof java.util.concurrent.TimeoutException) return true;
        }
        return false;
    }

    public void flushAndCommit() {
        archiver.flush();
        consumer.commitSync(); // only now: what was polled is in S3
        lastFlush = System.nanoTime();
    }

    public ArchiveStatus status() {
        return status;
    }

    public void stop() {
        running = false;
    }
}

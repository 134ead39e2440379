package dev.riskplatform.detector.stream;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

/**
 * {@code detector_consumer_lag_records}: trades in market_prices not yet consumed by this instance,
 * summed over its partitions. Read from the consumer's own fetch state ({@code currentLag}: no
 * broker call), on the polling thread because a Kafka consumer is not thread-safe. -1 until the
 * consumer knows a lag (no assignment or no fetch yet).
 */
@ApplicationScoped
public class ConsumerLag {

    private final KafkaClientService kafka;
    private final AtomicLong lag = new AtomicLong(-1);

    public ConsumerLag(KafkaClientService kafka, MeterRegistry meters) {
        this.kafka = kafka;
        Gauge.builder("detector.consumer.lag", lag, AtomicLong::get).baseUnit("records")
                .description("market_prices records behind the partition ends, summed over this instance's partitions")
                .register(meters);
    }

    @Scheduled(every = "2s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        var consumer = kafka.<String, String>getConsumer(MarketPricesConsumer.CHANNEL);
        if (consumer == null) return; // channel not started yet
        consumer.runOnPollingThread((Function<Consumer<String, String>, Long>) ConsumerLag::sum)
                .subscribe().with(lag::set, err -> { }); // a failed read keeps the last value
    }

    /** -1 when no partition's lag is known yet. */
    private static long sum(Consumer<String, String> c) {
        long total = -1;
        for (TopicPartition p : c.assignment()) {
            OptionalLong l = c.currentLag(p);
            if (l.isPresent()) total = Math.max(total, 0) + l.getAsLong();
        }
        return total;
    }

    public long lag() {
        return lag.get();
    }
}

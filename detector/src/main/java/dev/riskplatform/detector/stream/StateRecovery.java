package dev.riskplatform.detector.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads back what a restarted detector needs, with a private group-less consumer so the main
 * consumer's position and commits are untouched: the emitted bars (risk_events), the last alert per symbol
 * (risk_alerts) and the trades after the emitted bars (market_prices), all found by timestamp
 * (CreateTime: the ingestor's and the detector's clocks; a bar is emitted after its trades arrived).
 */
final class StateRecovery {

    private static final Duration POLL = Duration.ofMillis(500);
    private static final int TAIL = 16;

    private final String bootstrapServers;

    StateRecovery(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Max openTime per symbol among the records of {@code topic} (risk_events, risk_alerts) published since
     * {@code sinceMillis}, as {@code openTime} (the topic's codec) reads it; a record it refuses is passed over.
     */
    Map<String, Long> lastOpenTimes(String topic, long sinceMillis, ToLongFunction<String> openTime) {
        Map<String, Long> last = new HashMap<>();
        readSince(topic, sinceMillis, r -> {
            try {
                last.merge(r.key(), openTime.applyAsLong(r.value()), Math::max);
            } catch (IllegalArgumentException unreadable) {
                // not the detector's payload: it says nothing about what was emitted
            }
        });
        return last;
    }

    /** Every keyed record of every partition of {@code topic} published since {@code sinceMillis}, in offset order per partition. */
    void readSince(String topic, long sinceMillis, Consumer<ConsumerRecord<String, String>> sink) {
        try (KafkaConsumer<String, String> c = consumer()) {
            List<TopicPartition> all = c.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            Map<TopicPartition, Long> since = new HashMap<>();
            all.forEach(p -> since.put(p, sinceMillis));
            readRange(c, since, c.endOffsets(all), r -> {
                if (r.key() != null) sink.accept(r);
            });
        }
    }

    /**
     * The timestamp of the last record before each partition's committed offset: the moment the
     * previous owner's consumption stopped, whatever the wall clock says now (a detector down for a
     * day still looks back from there). A partition whose record there is gone (retention) has none.
     */
    Map<TopicPartition, Long> stoppedAt(Map<TopicPartition, Long> committed) {
        Map<TopicPartition, Long> at = new HashMap<>();
        try (KafkaConsumer<String, String> c = consumer()) {
            Map<TopicPartition, Long> begin = c.beginningOffsets(committed.keySet());
            List<TopicPartition> todo = new ArrayList<>();
            committed.forEach((p, o) -> {
                if (o > begin.getOrDefault(p, 0L)) todo.add(p);
            });
            c.assign(todo);
            // A few records back, not exactly one: the offset before a commit may be a transaction marker.
            todo.forEach(p -> c.seek(p, Math.max(begin.getOrDefault(p, 0L), committed.get(p) - TAIL)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!todo.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : c.poll(POLL)) {
                    TopicPartition p = new TopicPartition(r.topic(), r.partition());
                    if (r.offset() < committed.get(p)) at.put(p, r.timestamp()); // records come in offset order
                }
                todo.removeIf(p -> c.position(p) >= committed.get(p));
            }
        }
        return at;
    }

    /** Records of each partition from its {@code since} timestamp up to (excluding) its {@code until} offset. */
    void replay(Map<TopicPartition, Long> since, Map<TopicPartition, Long> until, Consumer<ConsumerRecord<String, String>> sink) {
        try (KafkaConsumer<String, String> c = consumer()) {
            readRange(c, since, until, sink);
        }
    }

    private static void readRange(KafkaConsumer<String, String> c, Map<TopicPartition, Long> since,
                                  Map<TopicPartition, Long> until, Consumer<ConsumerRecord<String, String>> sink) {
        Map<TopicPartition, OffsetAndTimestamp> start = c.offsetsForTimes(since);
        List<TopicPartition> todo = new ArrayList<>();
        for (TopicPartition p : since.keySet()) {
            OffsetAndTimestamp s = start.get(p);
            if (s != null && s.offset() < until.getOrDefault(p, 0L)) todo.add(p); // else nothing in the window
        }
        c.assign(todo);
        todo.forEach(p -> c.seek(p, start.get(p).offset()));
        while (!todo.isEmpty()) {
            for (ConsumerRecord<String, String> r : c.poll(POLL)) {
                if (r.offset() < until.get(new TopicPartition(r.topic(), r.partition()))) sink.accept(r);
            }
            todo.removeIf(p -> c.position(p) >= until.get(p));
        }
    }

    private KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "detector-recovery");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return new KafkaConsumer<>(p);
    }
}

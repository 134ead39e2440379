package dev.riskplatform.detector.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.testsupport.RealInfrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * A detector that was down for days looks back from where its consumption stopped (the last record
 * before the committed offset), not from the wall clock: looking back from "now" would find no trade
 * of the window and the restarted symbols would warm up blind (issue #19 item 8).
 */
class StateRecoveryTest {

    private static final long MINUTE = 60_000L;
    private static final long THREE_DAYS_AGO = System.currentTimeMillis() - 3 * 24 * 60 * MINUTE;

    @Test
    void theWindowEndsAtTheLastConsumedRecordHoweverLongAgo() throws Exception {
        var kafka = RealInfrastructure.get().kafka();
        String topic = "recovery-" + UUID.randomUUID();
        kafka.createTopics(Map.of(topic, 1));
        TopicPartition p = new TopicPartition(topic, 0);
        // Ten trades a minute apart three days ago, in one transaction: offset 10 is its commit marker,
        // so the consumer's committed offset after them is 11 and offset 10 is no record.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(transactional())) {
            producer.initTransactions();
            producer.beginTransaction();
            for (int i = 0; i < 10; i++) producer.send(new ProducerRecord<>(topic, 0, THREE_DAYS_AGO + i * MINUTE, "S", "t" + i));
            producer.commitTransaction();
        }
        StateRecovery recovery = new StateRecovery(kafka.bootstrapServers());
        Map<TopicPartition, Long> committed = Map.of(p, 11L);

        Map<TopicPartition, Long> stopped = recovery.stoppedAt(committed);
        assertEquals(Map.of(p, THREE_DAYS_AGO + 9 * MINUTE), stopped, "the last record's time, past the marker");

        List<String> replayed = new ArrayList<>();
        recovery.replay(Map.of(p, stopped.get(p) - 5 * MINUTE), committed, r -> replayed.add(r.value()));
        assertEquals(List.of("t4", "t5", "t6", "t7", "t8", "t9"), replayed, "the five minutes before the stop, inclusive");

        List<String> fromNow = new ArrayList<>();
        recovery.replay(Map.of(p, System.currentTimeMillis() - 5 * MINUTE), committed, r -> fromNow.add(r.value()));
        assertEquals(List.of(), fromNow, "what a wall-clock look-back finds three days later: nothing");
    }

    @Test
    void aPartitionNeverConsumedHasNoWindow() {
        var kafka = RealInfrastructure.get().kafka();
        String topic = "recovery-" + UUID.randomUUID();
        kafka.createTopics(Map.of(topic, 1));
        assertEquals(Map.of(), new StateRecovery(kafka.bootstrapServers()).stoppedAt(Map.of(new TopicPartition(topic, 0), 0L)));
    }

    private static Properties transactional() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafka().bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "recovery-test-" + UUID.randomUUID());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        return p;
    }
}

package dev.riskplatform.ingestor.publish;

import dev.riskplatform.io.topic.MarketPriceMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The last trade id each symbol has in {@code market_prices}, read from the tail of the symbol's partition (the
 * producer's own key partitioner: key = symbol). An ingestor that starts from it finds the trades streamed while it
 * was down as a gap at its first live trade, and fills it from REST.
 */
@ApplicationScoped
public class MarketPricesTail {

    private static final Logger LOG = Logger.getLogger(MarketPricesTail.class);
    /** Records read per step back from a partition's end. */
    static final int WINDOW = 2_000;
    /** A symbol with no record in a partition's last 200,000 is taken as new: the scan must not read a topic whole. */
    static final long MAX_SCAN = 200_000;
    static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final String bootstrap;
    private final String topic;

    public MarketPricesTail(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
                            @ConfigProperty(name = "mp.messaging.outgoing." + MarketPricePublisher.CHANNEL + ".topic") String topic) {
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    /**
     * Symbol → last trade id found (symbols with none are absent). A broker that does not answer within
     * {@link #TIMEOUT} gives an empty map, logged: the ingestor then starts as before, without finding the gap.
     */
    public Map<String, Long> lastTradeIds(Collection<String> symbols) {
        Map<String, Long> found = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props())) {
            int partitions = consumer.partitionsFor(topic, TIMEOUT).size();
            Map<Integer, Set<String>> byPartition = new HashMap<>();
            for (String s : symbols) {
                int p = BuiltInPartitioner.partitionForKey(s.getBytes(StandardCharsets.UTF_8), partitions);
                byPartition.computeIfAbsent(p, k -> new HashSet<>()).add(s);
            }
            byPartition.forEach((p, wanted) -> scan(consumer, new TopicPartition(topic, p), wanted, found));
        } catch (RuntimeException e) {
            LOG.warnf("could not read the tail of %s (%s): trades streamed while the ingestor was down will not be found as a gap",
                    topic, e.toString());
        }
        return found;
    }

    /** Steps back from the end of {@code tp} a window at a time until every wanted symbol has its last id. */
    private static void scan(KafkaConsumer<String, String> consumer, TopicPartition tp, Set<String> wanted, Map<String, Long> found) {
        consumer.assign(List.of(tp));
        long begin = consumer.beginningOffsets(List.of(tp), TIMEOUT).get(tp);
        long hi = consumer.endOffsets(List.of(tp), TIMEOUT).get(tp);
        Set<String> pending = new HashSet<>(wanted);
        for (long end = hi; end > begin && hi - end < MAX_SCAN && !pending.isEmpty(); end = Math.max(begin, end - WINDOW)) {
            long from = Math.max(begin, end - WINDOW);
            Map<String, Long> window = readWindow(consumer, tp, from, end, pending);
            found.putAll(window);
            pending.removeAll(window.keySet());
        }
    }

    /** The highest trade id of each pending symbol among offsets [from, end); records that do not parse are skipped. */
    private static Map<String, Long> readWindow(KafkaConsumer<String, String> consumer, TopicPartition tp, long from, long end,
                                                Set<String> pending) {
        Map<String, Long> last = new HashMap<>();
        consumer.seek(tp, from);
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (consumer.position(tp) < end) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("reading " + tp + " took over " + TIMEOUT);
            for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                if (r.offset() >= end || !pending.contains(r.key())) continue;
                try {
                    last.merge(r.key(), MarketPriceMessage.parse(r.value()).trade().tradeId(), Math::max);
                } catch (IllegalArgumentException e) {
                    // garbage produced into the topic (the garbage drill does): not a trade of ours
                }
            }
        }
        return last;
    }

    private Properties props() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, WINDOW);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "ingestor-tail");
        return p;
    }
}

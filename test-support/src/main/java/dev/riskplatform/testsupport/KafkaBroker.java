package dev.riskplatform.testsupport;

import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.test.TestKitNodes;

/**
 * A real single-node KRaft broker (combined broker + controller) inside the test JVM.
 * It is Kafka's internal test kit, pinned to the BOM's kafka-clients version in the root POM.
 * The listener socket is pre-bound, so {@link #restart()} keeps the same port.
 */
public final class KafkaBroker implements AutoCloseable {

    private final KafkaClusterTestKit cluster;

    private KafkaBroker(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    public static KafkaBroker start() {
        keepTheJvmAlive();
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    // One broker: every internal topic must fit on it.
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "1")
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new KafkaBroker(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("could not start the in-JVM Kafka broker", e);
        }
    }

    /**
     * Kafka ends its process with {@code Exit.exit}/{@code Exit.halt} on fatal errors; here the process is the
     * test JVM. A non-zero exit after the last test is reported by surefire only as "Error occurred in starting
     * fork", with every test green and no trace (seen once in CI, cause not found): make it an exception in the
     * broker's own thread instead, which its log shows.
     */
    private static void keepTheJvmAlive() {
        Exit.setExitProcedure((code, message) -> {
            throw new IllegalStateException("in-JVM Kafka broker asked to exit(" + code + "): " + message);
        });
        Exit.setHaltProcedure((code, message) -> {
            throw new IllegalStateException("in-JVM Kafka broker asked to halt(" + code + "): " + message);
        });
    }

    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    /** Creates the topics, ignoring those that exist: {@code name -> partitions}. */
    public void createTopics(Map<String, Integer> partitionsByTopic) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = partitionsByTopic.entrySet().stream()
                    .map(e -> new NewTopic(e.getKey(), e.getValue(), (short) 1))
                    .toList();
            admin.createTopics(topics).values().values().forEach(KafkaBroker::awaitIgnoringExists);
        }
    }

    public Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return Admin.create(props);
    }

    /** Stops the broker side of the node: clients see it as unreachable until {@link #startBroker()}. */
    public void stopBroker() {
        cluster.brokers().values().forEach(b -> b.shutdown());
    }

    public void startBroker() {
        cluster.brokers().values().forEach(b -> b.startup());
        try {
            cluster.waitForReadyBrokers();
        } catch (Exception e) {
            throw new IllegalStateException("the restarted broker did not become ready", e);
        }
    }

    public void restart() {
        stopBroker();
        startBroker();
    }

    @Override
    public void close() {
        try {
            cluster.close();
        } catch (Exception e) {
            throw new IllegalStateException("could not stop the Kafka broker", e);
        }
    }

    private static void awaitIgnoringExists(org.apache.kafka.common.KafkaFuture<Void> f) {
        try {
            f.get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("topic creation failed", e.getCause());
            }
        } catch (Exception e) {
            throw new IllegalStateException("topic creation failed", e);
        }
    }
}

package dev.riskplatform.detector.delivery;

import dev.riskplatform.io.topic.RiskEventMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Forwards risk_alerts to the sinks on its own thread and consumer group, so a sink outage never
 * holds up detection, and ends episodes from risk_events (the rule of {@link EpisodeTracker}). An
 * alert's offset is committed only after every sink accepted it or gave up; a restart resumes from
 * the committed offsets and re-sends what was not committed, which the sinks see as the same alert.
 */
public final class AlertForwarder implements AutoCloseable {

    static final String ALERTS = "risk_alerts", EVENTS = "risk_events";
    private static final Logger LOG = Logger.getLogger(AlertForwarder.class);

    /** What the forwarder needs besides its sinks. */
    public record Settings(String bootstrapServers, String groupId, int cooldownBars, String dashboardUrl,
                           int maxAttempts, Duration retryBackoff, Duration maxAge, Duration refreshInterval) {
    }

    private final Settings settings;
    private final List<AlertSink> sinks;
    private final AlertmanagerSink alertmanager;
    private final DeliveryMetrics metrics;
    private final Retry retry;
    private final EpisodeTracker episodes = new EpisodeTracker();
    private final Clock clock = Clock.systemUTC();
    private final Thread thread;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private volatile boolean running = true;
    private long nextRefresh;

    AlertForwarder(Settings settings, List<AlertSink> sinks, DeliveryMetrics metrics) {
        this.settings = settings;
        this.sinks = sinks;
        this.alertmanager = sinks.stream().filter(AlertmanagerSink.class::isInstance).map(AlertmanagerSink.class::cast).findFirst().orElse(null);
        this.metrics = metrics;
        this.retry = new Retry(settings.maxAttempts(), settings.retryBackoff(), metrics, () -> running);
        this.thread = new Thread(this::run, "alert-forwarder");
    }

    void start() {
        thread.start();
    }

    /** Stops after the record in hand; what was not committed is delivered again by the next start. */
    @Override
    public void close() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) c.wakeup();
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A failed consumer (broker gone too long, group rebalanced under a commit) is replaced; it resumes from the committed offsets. */
    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(consumerProps(settings))) {
                consumer = c;
                c.subscribe(List.of(ALERTS, EVENTS));
                if (!running) return; // closed while the consumer was made: its wakeup missed it
                consume(c);
            } catch (WakeupException | Retry.Stopping e) {
                if (running) LOG.error("alert forwarder woken up while running", e);
            } catch (RuntimeException e) {
                LOG.errorf(e, "alert forwarder failed; again from the committed offsets in 5 s");
                pause(Duration.ofSeconds(5));
            }
        }
    }

    private void consume(KafkaConsumer<String, byte[]> c) {
        while (running) {
            refreshOpenEpisodes();
            ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(500));
            for (ConsumerRecord<String, byte[]> r : records) handle(c, r);
            if (!records.isEmpty()) c.commitSync();
        }
    }

    private void pause(Duration d) {
        long until = System.nanoTime() + d.toNanos();
        while (running && System.nanoTime() < until) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void handle(KafkaConsumer<String, byte[]> c, ConsumerRecord<String, byte[]> r) {
        if (ALERTS.equals(r.topic())) {
            onAlert(r.value() == null ? null : new String(r.value(), StandardCharsets.UTF_8));
            c.commitSync(Map.of(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1)));
        } else {
            onBar(r.value());
        }
    }

    private void onAlert(String raw) {
        Episode e;
        try {
            e = Episode.fromAlert(raw, settings.cooldownBars(), settings.dashboardUrl());
        } catch (Exception ex) {
            metrics.skipped("unreadable").increment();
            LOG.errorf("risk_alerts record not delivered, unreadable (%s): %s", ex.getMessage(), raw);
            return;
        }
        if (e.startsAt().isBefore(clock.instant().minus(settings.maxAge()))) {
            metrics.skipped("stale").increment();
            LOG.infof("alert %s emitted at %s is older than delivery.max-age %s: not sent", e.alertId(), e.startsAt(), settings.maxAge());
            return;
        }
        for (AlertSink sink : sinks) retry.attempt(sink, "fire", e, () -> sink.fire(e));
        resolve(episodes.fired(e));
    }

    /** A risk_events bar: unreadable ones are the detector's own output and only skipped here (they end nothing). */
    private void onBar(byte[] raw) {
        RiskEventMessage.BarRef bar;
        try {
            bar = RiskEventMessage.barRef(raw);
        } catch (IllegalArgumentException ex) {
            LOG.debugf("risk_events record skipped: %s", ex.getMessage());
            return;
        }
        resolve(episodes.bar(bar.symbol(), bar.openTime()));
    }

    private void resolve(List<Episode> over) {
        for (Episode e : over) {
            for (AlertSink sink : sinks) {
                if (sink.resolves()) retry.attempt(sink, "resolve", e, () -> sink.resolve(e, clock.instant()));
            }
        }
    }

    /** Episodes Alertmanager shows active that this forwarder did not fire: after a restart, or fired by another instance. */
    private void refreshOpenEpisodes() {
        if (alertmanager == null || System.nanoTime() - nextRefresh < 0) return;
        nextRefresh = System.nanoTime() + settings.refreshInterval().toNanos();
        try {
            for (Episode e : alertmanager.openEpisodes()) resolve(episodes.adopt(e));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new Retry.Stopping();
        } catch (Exception ex) {
            LOG.warnf("could not read the open episodes from Alertmanager (again in %s): %s", settings.refreshInterval(), ex.toString());
        }
    }

    private static Properties consumerProps(Settings s) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, s.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, s.groupId());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group reads the retained alerts from the start; delivery.max-age keeps the old ones out of the sinks.
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Retries block the loop (up to a few minutes in an outage): allow that between polls.
        p.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, Integer.toString(30 * 60_000));
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "200");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        // Bytes: a risk event is read only up to its symbol and openTime (RiskEventMessage#barRef), with no String copy.
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return p;
    }
}

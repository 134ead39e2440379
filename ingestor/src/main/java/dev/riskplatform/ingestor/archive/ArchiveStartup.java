package dev.riskplatform.ingestor.archive;

import dev.riskplatform.ingestor.metrics.IngestorMetrics;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the {@link ArchiveLoop} on its own thread when {@code ingestor.archive.enabled} ({@link ArchiveConfig}). */
@ApplicationScoped
public class ArchiveStartup {

    /** The platform's Kafka, as every client of the service reads it. */
    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap;

    private final ArchiveConfig config;
    private final PartitionWriter writer;
    private final IngestorMetrics metrics;
    private final ArchiveStatus status = new ArchiveStatus();
    private ArchiveLoop loop;
    private volatile Thread thread;

    public ArchiveStartup(ArchiveConfig config, PartitionWriter writer, IngestorMetrics metrics) {
        this.config = config;
        this.writer = writer;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent e) {
        if (!config.enabled()) return;
        metrics.archive(status, ArchiveStatus::totalFailures, ArchiveStatus::consecutiveFailures);
        loop = new ArchiveLoop(bootstrap, config.groupId(), new TradeArchiver(writer), config.batchSize(), config.batchBytes().asLongValue(),
                config.flushInterval(), config.retryInitial(), config.retryMax(), status);
        Thread t = new Thread(loop, "trade-archiver");
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    void stop(@Observes ShutdownEvent e) {
        if (loop != null) loop.stop();
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** Whether the loop's thread is alive (false when disabled or not started yet). */
    public boolean loopAlive() {
        Thread t = thread;
        return t != null && t.isAlive();
    }

    public ArchiveStatus status() {
        return status;
    }
}

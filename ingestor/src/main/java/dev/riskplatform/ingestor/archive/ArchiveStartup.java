package dev.riskplatform.ingestor.archive;

import dev.riskplatform.ingestor.metrics.IngestorMetrics;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the {@link ArchiveLoop} on its own thread when {@code ingestor.archive.enabled}. */
@ApplicationScoped
public class ArchiveStartup {

    @ConfigProperty(name = "ingestor.archive.enabled", defaultValue = "true") boolean enabled;
    @ConfigProperty(name = "ingestor.archive.group-id", defaultValue = "ingestor-archiver") String groupId;
    @ConfigProperty(name = "ingestor.archive.batch-size", defaultValue = "1500000") int batchSize;
    @ConfigProperty(name = "ingestor.archive.batch-bytes", defaultValue = "48M") io.quarkus.runtime.configuration.MemorySize batchBytes;
    @ConfigProperty(name = "ingestor.archive.flush-interval", defaultValue = "60s") Duration flushInterval;
    @ConfigProperty(name = "ingestor.archive.retry-initial", defaultValue = "1s") Duration retryInitial;
    @ConfigProperty(name = "ingestor.archive.retry-max", defaultValue = "60s") Duration retryMax;
    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap;

    private final PartitionWriter writer;
    private final IngestorMetrics metrics;
    private final ArchiveStatus status = new ArchiveStatus();
    private ArchiveLoop loop;
    private volatile Thread thread;

    public ArchiveStartup(PartitionWriter writer, IngestorMetrics metrics) {
        this.writer = writer;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent e) {
        if (!enabled) return;
        metrics.archive(status, ArchiveStatus::totalFailures, ArchiveStatus::consecutiveFailures);
        loop = new ArchiveLoop(bootstrap, groupId, new TradeArchiver(writer), batchSize, batchBytes.asLongValue(), flushInterval, retryInitial, retryMax, status);
        Thread t = new Thread(loop, "trade-archiver");
        t.setDaemon(true);
        t.start();
        thread = t;
    }

    void stop(@Observes ShutdownEvent e) {
        if (loop != null) loop.stop();
    }

    public boolean enabled() {
        return enabled;
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

package dev.riskplatform.ingestor.archive;

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
    @ConfigProperty(name = "ingestor.archive.batch-size", defaultValue = "50000") int batchSize;
    @ConfigProperty(name = "ingestor.archive.flush-interval", defaultValue = "60s") Duration flushInterval;
    @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap;

    private final PartitionWriter writer;
    private ArchiveLoop loop;

    public ArchiveStartup(PartitionWriter writer) {
        this.writer = writer;
    }

    void start(@Observes StartupEvent e) {
        if (!enabled) return;
        loop = new ArchiveLoop(bootstrap, groupId, new TradeArchiver(writer), batchSize, flushInterval);
        Thread t = new Thread(loop, "trade-archiver");
        t.setDaemon(true);
        t.start();
    }

    void stop(@Observes ShutdownEvent e) {
        if (loop != null) loop.stop();
    }
}

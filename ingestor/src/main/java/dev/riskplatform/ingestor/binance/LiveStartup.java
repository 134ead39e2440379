package dev.riskplatform.ingestor.binance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** {@code ingestor.mode=live}: connect to Binance at start-up (the replay mode has its own starter). */
@ApplicationScoped
public class LiveStartup {

    private final LiveIngestor ingestor;
    private final String mode;
    private IngestSession session;

    public LiveStartup(LiveIngestor ingestor, @ConfigProperty(name = "ingestor.mode", defaultValue = "live") String mode) {
        this.ingestor = ingestor;
        this.mode = mode;
    }

    void start(@Observes StartupEvent e) {
        if ("live".equals(mode)) session = ingestor.openLive();
    }

    void stop(@Observes ShutdownEvent e) {
        if (session != null) ingestor.close(session);
    }
}

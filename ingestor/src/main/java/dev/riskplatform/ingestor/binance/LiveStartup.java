package dev.riskplatform.ingestor.binance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code ingestor.mode=live}: connect at start-up to {@code ingestor.binance.ws-url}, Binance or the Binance simulator
 * (./platform); {@code off} (tests, history-only jobs): no stream.
 */
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

package dev.riskplatform.ingestor.binance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code ingestor.mode=live}: connect at start-up to {@code ingestor.binance.ws-url}, Binance or the Binance simulator
 * (./platform); {@code off} (tests, history-only jobs): no stream. The one reader of {@code ingestor.mode}: readiness and
 * the stream gauge ask {@link #mode()}.
 */
@ApplicationScoped
public class LiveStartup {

    private final LiveIngestor ingestor;
    private final String mode;
    private IngestSession session;

    public LiveStartup(LiveIngestor ingestor, @ConfigProperty(name = "ingestor.mode", defaultValue = "live") String mode) {
        if (!mode.equals("live") && !mode.equals("off")) {
            throw new IllegalArgumentException("ingestor.mode must be live or off, not '" + mode + "'");
        }
        this.ingestor = ingestor;
        this.mode = mode;
    }

    void start(@Observes StartupEvent e) {
        if (streams()) session = ingestor.openLive();
    }

    /** {@code live} or {@code off}, as configured. */
    public String mode() {
        return mode;
    }

    /** Whether a stream is expected: false with mode {@code off}, where none is missing. */
    public boolean streams() {
        return !"off".equals(mode);
    }

    void stop(@Observes ShutdownEvent e) {
        if (session != null) ingestor.close(session);
    }
}

package dev.riskplatform.ingestor.health;

import dev.riskplatform.ingestor.binance.LiveIngestor;
import dev.riskplatform.ingestor.binance.LiveStartup;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code ingestor_stream_connected{mode}}: 1 while every WebSocket of a trade session is connected (to
 * {@code ingestor.binance.ws-url}: Binance, or the Binance simulator under ./platform), else 0; the same fact as the {@code binance-stream}
 * readiness check. Mode {@code off} expects no stream: the IngestorDisconnected alert rule leaves it out.
 */
@Startup
@ApplicationScoped
public class StreamConnectedMetric {

    public StreamConnectedMetric(LiveIngestor ingestor, MeterRegistry meters, LiveStartup startup) {
        Gauge.builder("ingestor.stream.connected", ingestor, i -> i.anyConnected() ? 1 : 0)
                .description("1 while the trade stream's WebSockets are all connected (Binance, or the Binance simulator), else 0")
                .tag("mode", startup.mode()).strongReference(true).register(meters);
    }
}

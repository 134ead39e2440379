package dev.riskplatform.ingestor.health;

import dev.riskplatform.ingestor.archive.ArchiveStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ingestor's Prometheus metrics. Counters are cached per tag set: a registry lookup per
 * trade would cost more than the parse. Rates (messages/s by symbol) are PromQL rate() of the
 * counters.
 */
@ApplicationScoped
public class IngestorMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> lags = new ConcurrentHashMap<>();

    public IngestorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String symbol, String source, long tradeTime) {
        counter("ingestor.trades.published", "symbol", symbol, "source", source).increment();
        long lag = System.currentTimeMillis() - tradeTime;
        lags.computeIfAbsent(symbol, s -> Timer.builder("ingestor.publish.lag")
                .description("trade time to publish time").tag("symbol", s).register(registry))
                .record(Duration.ofMillis(Math.max(0, lag)));
    }

    public void deadLetter(String kind) {
        counter("ingestor.dead.letters", "kind", kind).increment();
    }

    public void reconnect(String cause) {
        counter("ingestor.reconnects", "cause", cause).increment();
    }

    public void gap(String symbol, String outcome, long trades) {
        counter("ingestor.gaps", "symbol", symbol, "outcome", outcome).increment();
        counter("ingestor.gap.trades", "symbol", symbol, "outcome", outcome).increment(trades);
    }

    /** The trade archive's write failures (counter) and failures since its last good write (gauge). */
    public void archive(ArchiveStatus status) {
        FunctionCounter.builder("ingestor.archive.write.failures", status, ArchiveStatus::totalFailures)
                .description("Failed archive writes to raw/ (each is retried with the same batch)").register(registry);
        Gauge.builder("ingestor.archive.consecutive.failures", status, ArchiveStatus::consecutiveFailures)
                .description("Archive write failures since the last successful write; 0 = archive healthy").register(registry);
    }

    public double count(String name, String... tags) {
        return counter(name, tags).count();
    }

    /** Prometheus help text of each counter; a counter without one fails promtool's lint (ops/check.sh). */
    private static final Map<String, String> HELP = Map.of(
            "ingestor.trades.published", "Trades published to market_prices, by symbol and source",
            "ingestor.dead.letters", "Messages sent to market_prices_dlq, by kind of rejection",
            "ingestor.reconnects", "WebSocket reconnects, by cause",
            "ingestor.gaps", "Trade-id gaps found after a reconnect, by outcome",
            "ingestor.gap.trades", "Trades missing in gaps, by outcome");

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(name + String.join(",", tags),
                k -> Counter.builder(name).description(HELP.getOrDefault(name, name)).tags(tags).register(registry));
    }
}

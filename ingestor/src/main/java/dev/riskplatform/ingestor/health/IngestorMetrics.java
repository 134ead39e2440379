package dev.riskplatform.ingestor.health;

import io.micrometer.core.instrument.Counter;
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

    public double count(String name, String... tags) {
        return counter(name, tags).count();
    }

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(name + String.join(",", tags), k -> Counter.builder(name).tags(tags).register(registry));
    }
}

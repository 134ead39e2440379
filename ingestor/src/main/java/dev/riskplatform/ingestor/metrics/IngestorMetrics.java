package dev.riskplatform.ingestor.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The ingestor's Prometheus metrics. Counters are cached per tag set: a registry lookup per
 * trade would cost more than the parse. Rates (messages/s by symbol) are PromQL rate() of the
 * counters. It imports no other ingestor package: the packages it counts for depend on it, and what it
 * shows of their state (in-flight trades, archive failures) they hand over as an object and a function of it (held weakly, as Micrometer holds gauges).
 */
@ApplicationScoped
public class IngestorMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> lags = new ConcurrentHashMap<>();

    public IngestorMetrics(MeterRegistry registry) {
        this.registry = registry;
        // Present at 0 from the start, so an alert on them needs no absent() guard.
        counter("ingestor.publish.failures", "topic", "market_prices");
        counter("ingestor.publish.failures", "topic", "market_prices_dlq");
        counter("ingestor.backpressure.pauses");
    }

    /** One symbol and source's publish meters, looked up once per sequencer: a lookup per trade cost a string concatenation. */
    public Published published(String symbol, String source) {
        Timer lag = lags.computeIfAbsent(symbol, s -> Timer.builder("ingestor.publish.lag")
                .description("trade time to publish time").tag("symbol", s).register(registry));
        return new Published(counter("ingestor.trades.published", "symbol", symbol, "source", source), lag);
    }

    /** Counts a trade the broker acknowledged, and its lag from trade time. */
    public record Published(Counter count, Timer lag) {
        public void acked(long tradeTime) {
            count.increment();
            lag.record(Math.max(0, System.currentTimeMillis() - tradeTime), TimeUnit.MILLISECONDS);
        }
    }

    /** Live trades of {@code symbol} not handed to Kafka while it took no more; each comes back by the REST gap fill. */
    public Counter deferred(String symbol) {
        return counter("ingestor.trades.deferred", "symbol", symbol);
    }

    /** Live trades of {@code symbol} already in market_prices when the process started (a resumed replay): skipped. */
    public Counter publishedBefore(String symbol) {
        return counter("ingestor.trades.before.restart", "symbol", symbol);
    }

    /** A record the channel or the broker refused for good (after the producer's own retries). */
    public void publishFailed(String topic) {
        counter("ingestor.publish.failures", "topic", topic).increment();
    }

    /** Times a WebSocket stopped reading because too much was in flight to Kafka. */
    public void backpressured() {
        counter("ingestor.backpressure.pauses").increment();
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

    /** Trades (and dead letters, a KiB a unit) handed to Kafka and not yet acknowledged (the publish gate's count). */
    public <T> void publishInFlight(T gate, ToDoubleFunction<T> inFlight) {
        Gauge.builder("ingestor.publish.in.flight", gate, inFlight)
                .description("Trades (and dead letters, a KiB a unit) handed to Kafka and not yet acknowledged").register(registry);
    }

    /** The trade archive's write failures (counter) and failures since its last good write (gauge). */
    public <T> void archive(T status, ToDoubleFunction<T> totalFailures, ToDoubleFunction<T> consecutiveFailures) {
        FunctionCounter.builder("ingestor.archive.write.failures", status, totalFailures)
                .description("Failed archive writes to raw/ (each is retried with the same batch)").register(registry);
        Gauge.builder("ingestor.archive.consecutive.failures", status, consecutiveFailures)
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
            "ingestor.gap.trades", "Trades missing in gaps, by outcome",
            "ingestor.publish.failures", "Records the Kafka channel or broker refused for good (logged), by topic",
            "ingestor.backpressure.pauses", "WebSocket read pauses because too much was in flight to Kafka",
            "ingestor.trades.before.restart", "Live trades skipped as already in market_prices when the ingestor started, by symbol",
            "ingestor.trades.deferred", "Live trades held back while Kafka took no more, backfilled from REST afterwards, by symbol");

    private Counter counter(String name, String... tags) {
        return counters.computeIfAbsent(name + String.join(",", tags),
                k -> Counter.builder(name).description(HELP.getOrDefault(name, name)).tags(tags).register(registry));
    }
}

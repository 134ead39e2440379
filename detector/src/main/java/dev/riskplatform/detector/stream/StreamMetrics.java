package dev.riskplatform.detector.stream;

import dev.riskplatform.core.risk.Alert;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The stream's Prometheus meters; rates (trades/s, bars/s) are rate() over these counters. */
@ApplicationScoped
public class StreamMetrics {

    private final MeterRegistry meters;
    private final Counter trades, bars, deadLetters, late, duplicates;
    private final Timer latency;

    public StreamMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.trades = meters.counter("detector.trades");
        this.bars = meters.counter("detector.bars");
        this.deadLetters = meters.counter("detector.dead.letters");
        this.late = meters.counter("detector.trades.late");
        this.duplicates = meters.counter("detector.trades.duplicate");
        this.latency = Timer.builder("detector.publish.to.event.latency")
                .description("trade publish (ingestTime) to risk event emitted")
                .publishPercentileHistogram().register(meters);
    }

    void trade() { trades.increment(); }
    void deadLetter() { deadLetters.increment(); }
    void late() { late.increment(); }
    void duplicate() { duplicates.increment(); }

    void bar(long lastTradePublishTime, long emittedAt) {
        bars.increment();
        if (lastTradePublishTime > 0) latency.record(Duration.ofMillis(Math.max(0, emittedAt - lastTradePublishTime)));
    }

    void alert(Alert a) {
        meters.counter("detector.alerts", "severity", a.severity().name()).increment();
    }

    public double deadLetters() { return deadLetters.count(); }
    public double lateTrades() { return late.count(); }
}

package dev.riskplatform.detector.stream;

import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.Severity;
import dev.riskplatform.core.risk.MarketEpisodes;
import io.micrometer.core.instrument.Counter;
import org.jboss.logging.Logger;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** The stream's Prometheus meters; rates (trades/s, bars/s) are rate() over these counters. */
@ApplicationScoped
public class StreamMetrics {

    private static final Logger LOG = Logger.getLogger(StreamMetrics.class);

    private final MeterRegistry meters;
    private final Counter trades, bars, deadLetters, late, duplicates, marketEpisodes;
    private final Timer latency, swapPause;

    public StreamMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.trades = counter("detector.trades", "Trades consumed from market_prices");
        this.bars = counter("detector.bars", "Closed bars scored and published to risk_events");
        this.deadLetters = counter("detector.dead.letters", "Records sent to detector_dlq with a reason");
        this.late = counter("detector.trades.late", "Trades for an already closed bar (counted, not merged)");
        this.duplicates = counter("detector.trades.duplicate", "Trades dropped as duplicate trade ids");
        this.marketEpisodes = counter("detector.market.episodes", "Market episodes opened: alerts of many symbols within a few bars");
        this.latency = Timer.builder("detector.publish.to.event.latency")
                .description("trade publish (ingestTime) to risk event emitted")
                .publishPercentileHistogram().register(meters);
        this.swapPause = Timer.builder("detector.model.swap.pause")
                .description("Gap in the stream across a hot swap: last trade on the old model to first on the new")
                .register(meters);
        // Every severity from the start, at 0: a dashboard's rate() needs the series before the first alert.
        for (Severity s : Severity.values()) alertCounter(s);
    }

    void trades(int n) { if (n > 0) trades.increment(n); }
    void swapPause(long nanos) { swapPause.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS); }
    void deadLetter() { deadLetters.increment(); }
    void late() { late.increment(); }
    void duplicate() { duplicates.increment(); }

    /** An idle-closed bar has no closing trade: its latency would be the idle timeout, not the pipeline's. */
    void bar(long lastTradePublishTime, long emittedAt, boolean closedByIdle) {
        bars.increment();
        if (lastTradePublishTime > 0 && !closedByIdle) latency.record(Duration.ofMillis(Math.max(0, emittedAt - lastTradePublishTime)));
    }

    void alert(Alert a) {
        alertCounter(a.severity()).increment();
    }

    void marketEpisode(MarketEpisodes.Context opened) {
        marketEpisodes.increment();
        LOG.infof("market episode %s: %d of %d symbols alerted within a few bars", opened.episodeId(), opened.symbols(),
                opened.activeSymbols());
    }

    private Counter alertCounter(Severity severity) {
        return Counter.builder("detector.alerts").description("Alerts published to risk_alerts, one per market episode")
                .tag("severity", severity.name()).register(meters);
    }

    private Counter counter(String name, String help) {
        return Counter.builder(name).description(help).register(meters);
    }

    public double deadLetters() { return deadLetters.count(); }
    public double lateTrades() { return late.count(); }
}

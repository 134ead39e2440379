package dev.riskplatform.detector.stream;

import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.MarketEpisodes;
import dev.riskplatform.core.risk.RiskEvent;
import dev.riskplatform.core.risk.SymbolPipeline;
import dev.riskplatform.detector.live.LiveFeed;
import dev.riskplatform.detector.model.DetectorConfig;
import dev.riskplatform.io.topic.DeadLetterMessage;
import dev.riskplatform.io.topic.RiskAlertMessage;
import dev.riskplatform.io.topic.RiskEventMessage;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.jboss.logging.Logger;

/**
 * Every output of the stream (risk_events, risk_alerts, detector_dlq through {@link RiskPublisher}) and
 * the one acknowledgement rule: a batch is acked only after the broker acknowledged every output it
 * caused and every output sent outside a batch before it (bars closed by the idle timer or a recovery
 * replay). Each send is made at once, in call order, so the order within a topic is kept; nothing waits
 * for an acknowledgement before the next batch is read (one broker round trip per closed bar would cap
 * the stream).
 *
 * <p>The sinks ({@link Sends}) are used under the stream lock ({@link SymbolTable}), which also guards
 * the market episodes; the out-of-batch list has its own monitor, always taken inside the stream lock.
 */
@Singleton
public class Outputs {

    private static final Logger LOG = Logger.getLogger(Outputs.class);

    private final RiskPublisher publisher;
    private final StreamMetrics metrics;
    private final LiveFeed live;
    private final SymbolTable symbols;
    private final DetectorConfig.Market marketConfig;
    /** Created with the first alert (its bar interval); alerts of all symbols pass through it. */
    private MarketEpisodes market;
    /** Sends made outside a batch and not yet handed to one (guarded by this). */
    private final List<CompletableFuture<Void>> outOfBatch = new ArrayList<>();

    public Outputs(RiskPublisher publisher, StreamMetrics metrics, LiveFeed live, SymbolTable symbols, DetectorConfig config) {
        this.publisher = publisher;
        this.metrics = metrics;
        this.live = live;
        this.symbols = symbols;
        this.marketConfig = config.market();
    }

    /** The sends of one batch: they start with the out-of-batch sends made since the last batch. */
    synchronized Sends forBatch() {
        Sends sends = new Sends();
        sends.futures.addAll(outOfBatch);
        outOfBatch.clear();
        return sends;
    }

    /** The sends of the idle timer or a recovery replay: hand them to {@link #keepForNextBatch}. */
    Sends outsideBatch() {
        return new Sends();
    }

    /** The next batch is acked only after these; one that fails fails that batch and is logged at once. */
    synchronized void keepForNextBatch(Sends sends) {
        if (sends.futures.isEmpty()) return;
        CompletableFuture<Void> sent = sends.all();
        sent.whenComplete((ok, err) -> {
            if (err != null) LOG.error("a send outside a batch failed; the next batch fails with it", err);
        });
        outOfBatch.removeIf(f -> f.isDone() && !f.isCompletedExceptionally()); // bounded while no batch comes
        outOfBatch.add(sent);
    }

    /** The alert tagged with the market episode it is part of (MarketEpisodes), counting the episodes opened. */
    private Alert inMarket(Alert a) {
        if (market == null) {
            market = new MarketEpisodes(a.interval().millis(), marketConfig.windowBars(), marketConfig.minSymbols(), marketConfig.minShare());
        }
        long before = market.opened();
        Alert tagged = market.onAlert(a, symbols.size());
        if (market.opened() > before) metrics.marketEpisode(tagged.market());
        return tagged;
    }

    /** Sends in order as the pipeline produces, and collects the broker acknowledgements to ack on. */
    final class Sends implements SymbolPipeline.Sink {
        private final List<CompletableFuture<Void>> futures = new ArrayList<>();

        @Override
        public void event(RiskEvent e) {
            String json = RiskEventMessage.toJson(e);
            futures.add(publisher.event(e.bar().symbol(), json));
            metrics.bar(e.lastTradePublishTime(), e.emittedAt(), e.closedByIdle());
            live.event(e, json);
        }

        @Override
        public void alert(Alert raw) {
            Alert a = inMarket(raw);
            String json = RiskAlertMessage.toJson(a);
            futures.add(publisher.alert(a.symbol(), json));
            symbols.alertSent(a.symbol(), a.openTime());
            metrics.alert(a);
            live.alert(a, json);
        }

        /** A refused market_prices record, with the reason and its raw text, under its original key. */
        void deadLetter(String key, String raw, String reason) {
            metrics.deadLetter();
            LOG.debugf("dead letter (%s): %s", reason, raw);
            String json = new DeadLetterMessage(reason, raw, "market_prices", System.currentTimeMillis()).toJson();
            futures.add(publisher.deadLetter(key, json));
        }

        /** Completes when the broker acknowledged every send; fails with the first that failed. */
        CompletableFuture<Void> all() {
            if (futures.isEmpty()) return CompletableFuture.completedFuture(null);
            return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
        }
    }
}

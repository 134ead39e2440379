package dev.riskplatform.ingestor.binance;

import dev.riskplatform.core.market.SymbolSelection;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.binance.BinanceEvent.Control;
import dev.riskplatform.ingestor.binance.BinanceEvent.Rejected;
import dev.riskplatform.ingestor.binance.BinanceEvent.ServerShutdown;
import dev.riskplatform.ingestor.binance.BinanceEvent.TradeEvent;
import dev.riskplatform.ingestor.metrics.IngestorMetrics;
import dev.riskplatform.ingestor.publish.DeadLetterPublisher;
import dev.riskplatform.ingestor.publish.MarketPricePublisher;
import dev.riskplatform.ingestor.publish.MarketPricesTail;
import dev.riskplatform.ingestor.publish.PublishGate;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Binance trades → market_prices. Each message is parsed, refused input goes to the DLQ, and
 * trades go through their symbol's {@link TradeSequencer} (order, dedup, gap fill) to Kafka.
 */
@ApplicationScoped
public class LiveIngestor {

    private static final Logger LOG = Logger.getLogger(LiveIngestor.class);
    static final String DLQ_SOURCE = "binance-ws";
    /** Dead letters of historicalTrades pages (gap backfill). */
    static final String DLQ_REST_SOURCE = "binance-rest";

    private final Vertx vertx;
    private final BinanceConfig config;
    private final MarketPricePublisher prices;
    private final DeadLetterPublisher deadLetters;
    private final IngestorMetrics metrics;
    private final PublishGate gate;
    private final MarketPricesTail tail;
    private final AtomicLong lastFailureLog = new AtomicLong();
    // Binance counts connection attempts per IP: one limiter for every connection of this process.
    private final SlidingWindowLimiter connects = new SlidingWindowLimiter(300, Duration.ofMinutes(5));
    private final List<IngestSession> sessions = new CopyOnWriteArrayList<>();

    public LiveIngestor(Vertx vertx, BinanceConfig config, MarketPricePublisher prices, DeadLetterPublisher deadLetters,
                        IngestorMetrics metrics, PublishGate gate, MarketPricesTail tail) {
        this.vertx = vertx;
        this.config = config;
        this.prices = prices;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.gate = gate;
        this.tail = tail;
    }

    /**
     * The configured session: {@code ingestor.binance.symbols} names the symbols, or selects them from exchangeInfo
     * ({@code ALL}, {@code *USDT}), followed every {@code symbols-refresh}.
     */
    public IngestSession openLive() {
        SymbolSelection selection = SymbolSelection.parse(config.symbols());
        if (!selection.followsUniverse()) {
            return open(config.wsUrl(), config.restUrl(), selection.explicit(), config.maxConnectionAge(), Sources.named(config.source()));
        }
        return follow(config.wsUrl(), config.restUrl(), selection, config.symbolsRefresh(), config.maxConnectionAge(),
                Sources.named(config.source()));
    }

    /** The docs/topics.md {@code source} values of live and gap-filled trades. */
    public record Sources(String live, String backfill) {
        public static final Sources BINANCE = new Sources("binance", "binance-backfill");
        /** The simulator's replayed trades, streamed or gap-filled alike. */
        public static final Sources REPLAY = new Sources("replay", "replay");

        /** {@code ingestor.binance.source}: {@code binance} or {@code replay}. */
        public static Sources named(String source) {
            return switch (source) {
                case "binance" -> BINANCE;
                case "replay" -> REPLAY;
                default -> throw new IllegalArgumentException("ingestor.binance.source must be binance or replay, got " + source);
            };
        }
    }

    /** A session of the given symbols, subscribed on connections of at most {@code streams-per-connection} streams. */
    public IngestSession open(URI wsUrl, URI restUrl, List<String> symbols, Duration maxAge, Sources sources) {
        IngestSession session = newSession(wsUrl, restUrl, maxAge, sources);
        session.follow(symbols);
        return session;
    }

    /** A session of what {@code selection} takes from {@code restUrl}'s exchangeInfo, now and every {@code refresh}. */
    public IngestSession follow(URI wsUrl, URI restUrl, SymbolSelection selection, Duration refresh, Duration maxAge, Sources sources) {
        IngestSession session = newSession(wsUrl, restUrl, maxAge, sources);
        new ListingFollower(vertx, new ExchangeInfoClient(restUrl), selection, refresh, session).start();
        return session;
    }

    private IngestSession newSession(URI wsUrl, URI restUrl, Duration maxAge, Sources sources) {
        IngestSession session = new IngestSession(config.streamsPerConnection(), new Parts(wsUrl, restUrl, maxAge, sources));
        sessions.add(session);
        return session;
    }

    /** A session's sequencers and connections, wired to Kafka, the DLQ and the metrics. */
    private final class Parts implements IngestSession.Parts {
        private final URI url;
        private final HistoricalTradesClient rest;
        private final Sources sources;
        private final TradeSequencer.HeldBudget held = new TradeSequencer.HeldBudget();
        private final BinanceConnection.ConnectionPolicy policy;
        private final StreamShard.Pacing pacing = new StreamShard.Pacing(config.streamsPerMessage(), config.subscribeMessages(),
                config.subscribeWindow());

        Parts(URI wsUrl, URI restUrl, Duration maxAge, Sources sources) {
            this.url = StreamNames.subscribeUrl(wsUrl);
            this.rest = new HistoricalTradesClient(restUrl);
            this.sources = sources;
            this.policy = new BinanceConnection.ConnectionPolicy(maxAge, config.backoffInitial(), config.backoffMax(), connects, gate,
                    metrics::backpressured);
        }

        @Override
        public TradeSequencer sequencer(String symbol) {
            return new TradeSequencer(symbol, new SymbolSink(symbol, sources), rest::fetch, sources.live(), sources.backfill(), held);
        }

        /** Each symbol starts after its last trade in market_prices, so what was streamed while we were down is a gap. */
        @Override
        public void seed(Map<String, TradeSequencer> fresh) {
            if (fresh.isEmpty()) return;
            Map<String, Long> last = tail.lastTradeIds(fresh.keySet());
            last.forEach((symbol, id) -> fresh.get(symbol).seed(id));
            if (!last.isEmpty()) LOG.infof("resuming after the last trade ids in market_prices: %s", last.size() <= 10 ? last : last.size() + " symbols");
        }

        @Override
        public StreamShard shard(int index, IngestSession session) {
            return new StreamShard(index, vertx, url, policy, pacing, session.symbols(), new StreamShard.Messages() {
                @Override
                public void text(StreamShard shard, String raw) {
                    onMessage(session, shard, raw);
                }

                @Override
                public void refused(String kind, String reason, String raw) {
                    deadLetter(kind, reason, null, raw);
                }
            }, metrics::reconnect, session::released);
        }
    }

    public boolean anyConnected() {
        return sessions.stream().anyMatch(IngestSession::allConnected);
    }

    /** Each connection of each session, {@code connection-0 → up, 1024 of 1024 streams subscribed} (readiness data). */
    public Map<String, String> connectionStates() {
        Map<String, String> states = new LinkedHashMap<>();
        for (int i = 0; i < sessions.size(); i++) {
            String prefix = sessions.size() == 1 ? "" : "session-" + i + " ";
            sessions.get(i).connectionStates().forEach((k, v) -> states.put(prefix + k, v));
        }
        return states;
    }

    public void close(IngestSession session) {
        session.stop();
        sessions.remove(session);
    }

    /**
     * A message that made the code throw is a dead letter too: an exception escaping into Vert.x would lose the message
     * with nothing but a log line, and it says a bug was hit.
     */
    private void onMessage(IngestSession session, StreamShard shard, String raw) {
        try {
            handle(session, shard, raw);
        } catch (RuntimeException e) {
            LOG.errorf(e, "message failed in the ingestor itself (dead-lettered as internal_error)");
            deadLetter("internal_error", "the ingestor failed on this message: " + e, null, raw);
        }
    }

    private void handle(IngestSession session, StreamShard shard, String raw) {
        BinanceEvent event = shard.parser().parse(raw);
        if (event instanceof TradeEvent t) {
            TradeSequencer sequencer = session.sequencer(t.trade().symbol());
            if (sequencer != null) sequencer.onLive(t.trade(), raw); // null: released since it was parsed, its stream is gone
        } else if (event instanceof ServerShutdown) {
            shard.reconnectNow("server-shutdown", "serverShutdown event");
        } else if (event instanceof Control c) {
            shard.answered(c.id(), c.error());
        } else if (event instanceof Rejected r) {
            deadLetter(r.kind(), r.reason(), r.symbol(), raw);
        }
    }

    private void deadLetter(String kind, String reason, String symbol, String raw) {
        metrics.deadLetter(kind);
        deadLetters.publish(symbol, reason, raw, DLQ_SOURCE, deadLetterAcks);
    }

    private final PublishGate.Outcome<String> deadLetterAcks = new PublishGate.Outcome<>() {
        @Override
        public void acked(String reason) {
        }

        @Override
        public void failed(String reason, Throwable error) {
            publishFailed("market_prices_dlq", "dead letter (" + reason + ")", error);
        }
    };

    /** Counted each; logged at most once a second, as a broker outage fails every record in flight at once. */
    private void publishFailed(String topic, String what, Throwable error) {
        metrics.publishFailed(topic);
        long now = System.currentTimeMillis(), last = lastFailureLog.get();
        if (now - last >= 1000 && lastFailureLog.compareAndSet(last, now)) {
            LOG.errorf("%s to %s failed (ingestor_publish_failures_total counts every one): %s", what, topic, error.toString());
        }
    }

    /** Counts what the broker acknowledged for one symbol and source; what it refused is logged and counted. */
    private final class Acks implements PublishGate.Outcome<Trade> {
        private final IngestorMetrics.Published meter;

        Acks(IngestorMetrics.Published meter) {
            this.meter = meter;
        }

        @Override
        public void acked(Trade trade) {
            meter.acked(trade.tradeTime());
        }

        @Override
        public void failed(Trade trade, Throwable error) {
            publishFailed("market_prices", "publish of " + trade, error);
        }
    }

    /** Kafka side of one symbol's sequencer; its meters are looked up once, not per trade. */
    private final class SymbolSink implements TradeSequencer.Sink {
        private final String liveSource;
        private final Acks live, backfill;
        private final io.micrometer.core.instrument.Counter deferred, publishedBefore;

        SymbolSink(String symbol, Sources sources) {
            this.liveSource = sources.live();
            this.deferred = metrics.deferred(symbol);
            this.publishedBefore = metrics.publishedBefore(symbol);
            this.live = new Acks(metrics.published(symbol, sources.live()));
            this.backfill = new Acks(metrics.published(symbol, sources.backfill()));
        }

        @Override
        public void publish(Trade trade, String source) {
            prices.publish(trade, source, liveSource.equals(source) ? live : backfill);
        }

        @Override
        public boolean hasRoom() {
            return gate.hasRoom();
        }

        @Override
        public void deferred(Trade trade) {
            deferred.increment();
        }

        @Override
        public void publishedBefore(Trade trade) {
            publishedBefore.increment();
        }

        @Override
        public void reject(String kind, String reason, String symbol, String raw) {
            deadLetter(kind, reason, symbol, raw);
        }

        @Override
        public void rejectBackfill(String kind, String reason, String symbol, String raw) {
            metrics.deadLetter(kind);
            deadLetters.publish(symbol, reason, raw, DLQ_REST_SOURCE, deadLetterAcks);
        }

        @Override
        public void gap(String symbol, long fromId, long toId, TradeSequencer.GapOutcome outcome, String detail) {
            metrics.gap(symbol, outcome.name().toLowerCase(), toId - fromId + 1);
            if (outcome != TradeSequencer.GapOutcome.UNFILLABLE) {
                LOG.infof("gap in %s trade ids %d..%d: %s", symbol, fromId, toId, outcome);
                return;
            }
            LOG.warnf("gap in %s trade ids %d..%d could not be filled: %s", symbol, fromId, toId, detail);
            String record = "{\"gap\":{\"symbol\":\"" + symbol + "\",\"fromId\":" + fromId + ",\"toId\":" + toId + "}}";
            deadLetter("gap_unfillable", "gap: " + symbol + " trade ids " + fromId + ".." + toId
                    + " could not be backfilled: " + detail, symbol, record);
        }
    }
}

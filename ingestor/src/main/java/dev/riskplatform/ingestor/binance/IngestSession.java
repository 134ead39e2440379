package dev.riskplatform.ingestor.binance;

import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jboss.logging.Logger;

/**
 * The connections and sequencers of one set of symbols, which may change while it runs ({@link #follow}: listings
 * and delistings); {@link #stop()} closes them. Symbols are spread over connections by {@link ConnectionShards}.
 */
public final class IngestSession {

    private static final Logger LOG = Logger.getLogger(IngestSession.class);

    /** How a session makes its parts; {@link LiveIngestor} wires them to Kafka, the DLQ and the metrics. */
    interface Parts {
        TradeSequencer sequencer(String symbol);

        /** Starts each fresh symbol after its last trade in market_prices. */
        void seed(Map<String, TradeSequencer> fresh);

        StreamShard shard(int index, IngestSession session);
    }

    private final ConnectionShards plan;
    private final Parts parts;
    private final Map<String, TradeSequencer> sequencers = new ConcurrentHashMap<>();
    private final Set<String> selected = ConcurrentHashMap.newKeySet();
    private final List<StreamShard> shards = new CopyOnWriteArrayList<>();
    private final List<Runnable> onStop = new CopyOnWriteArrayList<>();
    private volatile boolean stopped;

    IngestSession(int streamsPerConnection, Parts parts) {
        this.plan = new ConnectionShards(streamsPerConnection);
        this.parts = parts;
    }

    /** Carries exactly {@code symbols} from now on: new ones are subscribed, dropped ones unsubscribed. */
    public synchronized void follow(Collection<String> symbols) {
        if (stopped) return;
        Set<String> next = new HashSet<>(symbols);
        selected.addAll(next);
        selected.retainAll(next);
        Map<String, TradeSequencer> fresh = new LinkedHashMap<>();
        for (String s : symbols) if (!sequencers.containsKey(s)) fresh.put(s, parts.sequencer(s));
        parts.seed(fresh);
        fresh.forEach(sequencers::putIfAbsent);
        List<ConnectionShards.Change> changes = plan.follow(symbols);
        while (shards.size() < plan.connections()) {
            StreamShard shard = parts.shard(shards.size(), this);
            shards.add(shard);
            shard.start();
        }
        for (ConnectionShards.Change c : changes) {
            if (c.added().size() + c.removed().size() <= 5) LOG.infof("connection %d: subscribing %s, unsubscribing %s", c.shard(), c.added(), c.removed());
            else LOG.infof("connection %d: subscribing %d streams, unsubscribing %d", c.shard(), c.added().size(), c.removed().size());
            shards.get(c.shard()).want(c.added(), c.removed());
        }
    }

    /** Symbols whose trades have stopped (unsubscribed): their sequencers go, unless selected again meanwhile. */
    void released(Collection<String> symbols) {
        symbols.forEach(s -> sequencers.computeIfPresent(s, (k, v) -> selected.contains(k) ? v : null));
    }

    /** The symbols with a sequencer, read live by the parsers. */
    Set<String> symbols() {
        return sequencers.keySet();
    }

    /** The sequencer of {@code symbol}, or null when it is not carried (any more). */
    TradeSequencer sequencer(String symbol) {
        return sequencers.get(symbol);
    }

    public boolean allConnected() {
        return !shards.isEmpty() && shards.stream().allMatch(StreamShard::isOpen);
    }

    /** Every connection open and carrying every stream it should. */
    public boolean allSubscribed() {
        return !shards.isEmpty() && shards.stream().allMatch(StreamShard::settled);
    }

    /** Each connection's state, {@code connection-0 → up, 1024 of 1024 streams subscribed}. */
    public Map<String, String> connectionStates() {
        Map<String, String> states = new LinkedHashMap<>();
        shards.forEach(s -> states.put("connection-" + s.index(), s.state()));
        return states;
    }

    public int connections() {
        return shards.size();
    }

    public Set<String> carriedSymbols() {
        return Set.copyOf(selected);
    }

    public long lastPublishedId(String symbol) {
        return sequencers.get(symbol).lastPublishedId();
    }

    void onStop(Runnable action) {
        onStop.add(action);
    }

    /** Under the lock: a {@link #follow} in progress finishes first, so no connection it opens outlives the session. */
    public synchronized void stop() {
        stopped = true;
        onStop.forEach(Runnable::run);
        shards.forEach(StreamShard::stop);
    }
}

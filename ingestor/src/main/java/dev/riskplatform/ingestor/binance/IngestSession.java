package dev.riskplatform.ingestor.binance;

import java.util.List;
import java.util.Map;

/** The connections and sequencers of one set of symbols; {@link #stop()} closes them. */
public final class IngestSession {

    private final List<BinanceConnection> connections;
    private final Map<String, TradeSequencer> sequencers;

    IngestSession(List<BinanceConnection> connections, Map<String, TradeSequencer> sequencers) {
        this.connections = connections;
        this.sequencers = sequencers;
    }

    public boolean allConnected() {
        return connections.stream().allMatch(BinanceConnection::isOpen);
    }

    public long lastPublishedId(String symbol) {
        return sequencers.get(symbol).lastPublishedId();
    }

    public void stop() {
        connections.forEach(BinanceConnection::stop);
    }
}

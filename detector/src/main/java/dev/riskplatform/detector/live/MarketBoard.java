package dev.riskplatform.detector.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.EmittedBar;
import dev.riskplatform.core.risk.RiskEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole market at a glance: one {@link SymbolSummary} per symbol (about 150 bytes each, see there),
 * its last {@link #BARS_KEPT} bars ({@link SymbolBars}, about 3.5 KB) and the last {@code maxAlerts} alerts,
 * fed with the events and alerts the detector produces and the bars a restart restores (never parsed back from JSON
 * on the stream's path: 2,000 symbols close 2,000 bars a second at the load harness's speed, all on the stream's
 * thread). Memory grows with the number of symbols only, never with uptime: about 3.7 KB a symbol, 7.3 MB for 2,000.
 * {@code GET /market} serves it as the market view's snapshot.
 */
final class MarketBoard {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final int BARS_KEPT = 60;
    private final Map<String, SymbolSummary> latest = new ConcurrentHashMap<>();
    private final Map<String, SymbolBars> bars = new ConcurrentHashMap<>();
    private final ArrayDeque<RawValue> alerts = new ArrayDeque<>();
    private final int maxAlerts;

    MarketBoard(int maxAlerts) {
        this.maxAlerts = maxAlerts;
    }

    /** A risk event the detector just produced: the symbol's summary and its kept bars. */
    void add(RiskEvent e) {
        add(e.bar(), e.score(), e.threshold());
    }

    /**
     * A bar a restart or a rebalance restored from risk_events (the detector's RecoveryListener), as it was emitted: the
     * board shows the symbols of the new partitions at once instead of filling from live bars over the next hour.
     */
    void restored(EmittedBar e) {
        add(e.bar(), e.score(), e.threshold());
    }

    private void add(Bar bar, Double scored, double threshold) {
        double score = scored == null ? Double.NaN : scored;
        latest.compute(bar.symbol(), (s, old) -> (old == null ? SymbolSummary.first(s) : old)
                .withBar(bar.openTime(), bar.close(), score, threshold));
        bars.computeIfAbsent(bar.symbol(), s -> new SymbolBars(BARS_KEPT))
                .add(bar.openTime(), bar.open(), bar.high(), bar.low(), bar.close(), score, threshold);
    }

    /** An alert the detector just produced, kept as {@code json} (what /live and risk_alerts carry). */
    void add(Alert a, String json) {
        latest.compute(a.symbol(), (s, old) -> (old == null ? SymbolSummary.first(s) : old).withAlert(a.openTime(), a.severity()));
        synchronized (alerts) {
            alerts.addLast(new RawValue(json));
            if (alerts.size() > maxAlerts) alerts.removeFirst();
        }
    }

    SymbolSummary get(String symbol) {
        return latest.get(symbol);
    }

    int size() {
        return latest.size();
    }

    /** {@code {"symbols":[summary…], "alerts":[alert…]}}, symbols in no particular order, alerts oldest first. */
    ObjectNode snapshot() {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode symbols = out.putArray("symbols");
        for (SymbolSummary s : latest.values()) s.writeTo(symbols.addObject());
        List<RawValue> recent;
        synchronized (alerts) {
            recent = new ArrayList<>(alerts);
        }
        ArrayNode alertsOut = out.putArray("alerts");
        recent.forEach(alertsOut::addRawValue); // as the detector wrote them
        return out;
    }

    /** The symbol's kept bars, oldest first, as risk events; an empty array for a symbol not seen. */
    ArrayNode bars(String symbol) {
        ArrayNode out = JSON.createArrayNode();
        SymbolBars b = bars.get(symbol);
        if (b != null) b.writeTo(symbol, out);
        return out;
    }
}

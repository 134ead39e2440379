package dev.riskplatform.detector.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import dev.riskplatform.io.topic.RiskAlertMessage;
import dev.riskplatform.io.topic.RiskEventMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole market at a glance: one {@link SymbolSummary} per symbol (about 150 bytes each, see there),
 * its last {@link #BARS_KEPT} bars ({@link SymbolBars}, about 3.5 KB) and the last {@code maxAlerts} alerts,
 * fed with the same JSON /live sends. Memory grows with the number of symbols only, never with uptime:
 * about 3.7 KB a symbol, 7.3 MB for 2,000. {@code GET /market} serves it as the market view's snapshot.
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

    /**
     * Takes a risk event or an alert (docs/topics.md: alerts are the payloads with a severity), read by its topic codec.
     *
     * @throws IllegalArgumentException when the codec refuses it: the detector writes these itself, so that is a bug
     */
    void add(String json) {
        if (json.contains("\"severity\"")) {
            RiskAlertMessage.Received a = RiskAlertMessage.parse(json);
            latest.compute(a.symbol(), (s, old) -> (old == null ? SymbolSummary.first(s) : old).withAlert(a.openTime(), a.severity()));
            synchronized (alerts) {
                alerts.addLast(new RawValue(json));
                if (alerts.size() > maxAlerts) alerts.removeFirst();
            }
        } else {
            RiskEventMessage.Received e = RiskEventMessage.parse(json);
            double score = e.score() == null ? Double.NaN : e.score();
            latest.compute(e.symbol(), (s, old) -> (old == null ? SymbolSummary.first(s) : old)
                    .withBar(e.openTime(), e.close(), score, e.threshold()));
            bars.computeIfAbsent(e.symbol(), s -> new SymbolBars(BARS_KEPT))
                    .add(e.openTime(), e.open(), e.high(), e.low(), e.close(), score, e.threshold());
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

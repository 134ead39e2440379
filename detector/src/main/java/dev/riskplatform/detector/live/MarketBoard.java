package dev.riskplatform.detector.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.riskplatform.core.risk.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private final ArrayDeque<JsonNode> alerts = new ArrayDeque<>();
    private final int maxAlerts;

    MarketBoard(int maxAlerts) {
        this.maxAlerts = maxAlerts;
    }

    /** Takes a risk event or an alert (docs/topics.md); a payload without a symbol is not a market row. */
    void add(String json) {
        JsonNode n = parse(json);
        String symbol = n.path("symbol").asText("");
        if (symbol.isEmpty()) return;
        if (n.hasNonNull("severity")) {
            Severity severity = Severity.valueOf(n.get("severity").asText());
            long at = n.path("openTime").asLong();
            latest.compute(symbol, (s, old) -> (old == null ? SymbolSummary.first(s) : old).withAlert(at, severity));
            synchronized (alerts) {
                alerts.addLast(n);
                if (alerts.size() > maxAlerts) alerts.removeFirst();
            }
        } else {
            long open = n.path("openTime").asLong();
            double close = number(n, "close"), score = number(n, "score"), threshold = number(n, "threshold");
            latest.compute(symbol, (s, old) -> (old == null ? SymbolSummary.first(s) : old).withBar(open, close, score, threshold));
            bars.computeIfAbsent(symbol, s -> new SymbolBars(BARS_KEPT))
                    .add(open, number(n, "open"), number(n, "high"), number(n, "low"), close, score, threshold);
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
        List<JsonNode> recent;
        synchronized (alerts) {
            recent = new ArrayList<>(alerts);
        }
        out.putArray("alerts").addAll(recent);
        return out;
    }

    /** The symbol's kept bars, oldest first, as risk events; an empty array for a symbol not seen. */
    ArrayNode bars(String symbol) {
        ArrayNode out = JSON.createArrayNode();
        SymbolBars b = bars.get(symbol);
        if (b != null) b.writeTo(symbol, out);
        return out;
    }

    private static double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            // The detector writes these payloads itself (RiskJson): unreadable JSON is a bug, not input.
            throw new UncheckedIOException("not a risk event or alert: " + json, e);
        }
    }
}

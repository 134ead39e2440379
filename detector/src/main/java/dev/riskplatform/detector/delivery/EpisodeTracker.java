package dev.riskplatform.detector.delivery;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which alerted episode is open per symbol, and how far each symbol's bars have gone. The rule:
 * an episode is over at the first risk_events bar of its symbol opening at or after its end bar
 * ({@link Episode#endBarOpen()}); a newer episode of the same symbol also ends the older one.
 * Only the forwarder's thread touches it.
 */
final class EpisodeTracker {

    private final Map<String, Episode> open = new HashMap<>();
    private final Map<String, Long> lastBar = new HashMap<>();

    /** Tracks a fired episode; returns the episodes that are over now (a replaced one, or this one if bars are past it). */
    List<Episode> fired(Episode e) {
        List<Episode> over = new ArrayList<>(2);
        Episode previous = open.put(e.symbol(), e);
        if (previous != null && !previous.alertId().equals(e.alertId())) over.add(previous);
        over.addAll(bar(e.symbol(), lastBar.getOrDefault(e.symbol(), Long.MIN_VALUE)));
        return over;
    }

    /** Adopts an episode Alertmanager still shows active (after a restart, or fired by another instance). */
    List<Episode> adopt(Episode e) {
        Episode mine = open.get(e.symbol());
        if (mine != null && mine.alertId().equals(e.alertId())) return List.of();
        if (mine != null && mine.endBarOpen() > e.endBarOpen()) return List.of(e); // an older episode: over
        return fired(e);
    }

    /** A bar of {@code symbol} opening at {@code openTime}: returns the symbol's episode if this bar ends it. */
    List<Episode> bar(String symbol, long openTime) {
        lastBar.merge(symbol, openTime, Math::max);
        Episode e = open.get(symbol);
        if (e == null || openTime < e.endBarOpen()) return List.of();
        open.remove(symbol);
        return List.of(e);
    }

    int openCount() {
        return open.size();
    }
}

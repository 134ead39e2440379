package dev.riskplatform.detector.live;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The last risk events and alerts as sent to /live, so a browser that connects mid-stream sees
 * the recent chart at once instead of an empty page. Bounded: memory does not grow with uptime.
 */
final class RecentHistory {

    private final int maxEvents;
    private final int maxAlerts;
    private final ArrayDeque<String> events = new ArrayDeque<>();
    private final ArrayDeque<String> alerts = new ArrayDeque<>();

    RecentHistory(int maxEvents, int maxAlerts) {
        this.maxEvents = maxEvents;
        this.maxAlerts = maxAlerts;
    }

    synchronized void add(String json, boolean alert) {
        ArrayDeque<String> q = alert ? alerts : events;
        q.addLast(json);
        if (q.size() > (alert ? maxAlerts : maxEvents)) q.removeFirst();
    }

    /** Events first (oldest first), then alerts: the page draws the chart, then lists alerts. */
    synchronized List<String> snapshot() {
        List<String> out = new ArrayList<>(events);
        out.addAll(alerts);
        return out;
    }
}

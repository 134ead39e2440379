package dev.riskplatform.detector.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.topic.RiskAlertMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One alerted market episode as the sinks see it. Its Alertmanager identity is the label set
 * (alertname, alert_id, symbol, severity, model): all from the alert, so a re-sent alert is the same
 * Alertmanager alert. The episode is over at the first bar opening {@code cooldownBars} intervals
 * after its first bar ({@code endBarOpen}): from there the detector would open a new episode.
 *
 * @param raw the risk_alerts record text (null for an episode recovered from Alertmanager)
 */
record Episode(String alertId, String symbol, long endBarOpen, Instant startsAt, Instant expiresAt,
               Map<String, String> labels, Map<String, String> annotations, String generatorUrl, String raw) {

    static final String ALERTNAME = "RiskAlert";
    static final String END_ANNOTATION = "episode_end_bar";

    /**
     * Reads a risk_alerts record (docs/topics.md, {@link RiskAlertMessage}). Starts at the detector's emittedAt; if no
     * resolve ever comes (no later bar of the symbol reaches the forwarder), Alertmanager ends it by itself at twice
     * the episode's length.
     *
     * @throws IllegalArgumentException when the record is not a risk_alerts value, with the reason
     */
    static Episode fromAlert(String raw, int cooldownBars, String dashboardUrl) {
        RiskAlertMessage.Received a = RiskAlertMessage.parse(raw);
        long openTime = a.openTime(), length = BarInterval.parse(a.interval()).millis() * cooldownBars;
        Instant startsAt = Instant.ofEpochMilli(a.emittedAt());
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", ALERTNAME);
        labels.put("alert_id", a.alertId());
        labels.put("symbol", a.symbol());
        labels.put("severity", a.severity().name().toLowerCase(Locale.ROOT));
        labels.put("model", a.model());
        String link = dashboardUrl + "?symbol=" + URLEncoder.encode(a.symbol(), StandardCharsets.UTF_8);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", String.format(Locale.ROOT, "%s %s bar at %s scored %.3f over threshold %.3f (%s v%d)",
                a.symbol(), a.interval(), Instant.ofEpochMilli(openTime), a.score(), a.threshold(), a.model(), a.modelVersion()));
        annotations.put("description", explain(a.explanation()));
        annotations.put("dashboard", link);
        annotations.put(END_ANNOTATION, Long.toString(openTime + length));
        return new Episode(a.alertId(), a.symbol(), openTime + length, startsAt, startsAt.plusMillis(2 * length),
                labels, annotations, link, raw);
    }

    /** An episode Alertmanager still holds as active (labels, annotations and times as stored there). */
    static Episode fromAlertmanager(JsonNode alert) {
        Map<String, String> labels = strings(alert.path("labels")), annotations = strings(alert.path("annotations"));
        return new Episode(labels.get("alert_id"), labels.get("symbol"), Long.parseLong(annotations.get(END_ANNOTATION)),
                Instant.parse(alert.path("startsAt").asText()), Instant.parse(alert.path("endsAt").asText()),
                labels, annotations, alert.path("generatorURL").asText(null), null);
    }

    private static String explain(List<RiskAlertMessage.Explained> explanation) {
        StringBuilder s = new StringBuilder();
        for (RiskAlertMessage.Explained c : explanation) {
            if (s.length() > 0) s.append("; ");
            s.append(String.format(Locale.ROOT, "%s = %.4g (typical %.4g to %.4g), %.0f%% of the isolation",
                    c.feature(), c.value(), c.typicalLow(), c.typicalHigh(), 100 * c.contribution()));
        }
        return s.length() == 0 ? "no explanation in the alert" : s.toString();
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }
}

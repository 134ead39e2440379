package dev.riskplatform.detector.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Alertmanager's API v2: {@code POST /api/v2/alerts} with the episode's fixed label set. Posting the
 * same labels again updates the one alert (Alertmanager keeps the earliest startsAt), so a re-sent
 * alert is never a second one; posting them with endsAt = now resolves it.
 */
final class AlertmanagerSink implements AlertSink {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI alerts;
    private final Http http;

    AlertmanagerSink(URI base, Http http) {
        this.alerts = URI.create(base.toString().replaceAll("/+$", "") + "/api/v2/alerts");
        this.http = http;
    }

    @Override
    public String name() {
        return "alertmanager";
    }

    @Override
    public void fire(Episode e) throws IOException, InterruptedException {
        post(e, e.expiresAt());
    }

    @Override
    public void resolve(Episode e, Instant endsAt) throws IOException, InterruptedException {
        post(e, endsAt.isBefore(e.startsAt()) ? e.startsAt() : endsAt);
    }

    @Override
    public boolean resolves() {
        return true;
    }

    /** The risk episodes Alertmanager holds as active now (ours: alertname RiskAlert with the episode-end annotation). */
    List<Episode> openEpisodes() throws IOException, InterruptedException {
        String filter = URLEncoder.encode("alertname=\"" + Episode.ALERTNAME + "\"", StandardCharsets.UTF_8);
        HttpRequest get = http.request(URI.create(alerts + "?active=true&silenced=true&inhibited=true&filter=" + filter)).GET().build();
        List<Episode> open = new ArrayList<>();
        for (JsonNode a : JSON.readTree(http.send(get))) {
            if (a.path("annotations").has(Episode.END_ANNOTATION)) open.add(Episode.fromAlertmanager(a));
        }
        return open;
    }

    private void post(Episode e, Instant endsAt) throws IOException, InterruptedException {
        ObjectNode alert = JSON.createObjectNode();
        ObjectNode labels = alert.putObject("labels"), annotations = alert.putObject("annotations");
        for (Map.Entry<String, String> l : e.labels().entrySet()) labels.put(l.getKey(), l.getValue());
        for (Map.Entry<String, String> a : e.annotations().entrySet()) annotations.put(a.getKey(), a.getValue());
        alert.put("startsAt", e.startsAt().toString()).put("endsAt", endsAt.toString());
        if (e.generatorUrl() != null) alert.put("generatorURL", e.generatorUrl());
        String body = JSON.createArrayNode().add(alert).toString();
        http.send(http.request(alerts).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}

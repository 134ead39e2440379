package dev.riskplatform.detector.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;

/**
 * POSTs each alert's risk_alerts JSON, byte for byte, signed: {@code X-Risk-Signature: sha256=<hex
 * HMAC-SHA256 of the body>}; {@code X-Risk-Alert-Id} carries the alert id, on which a receiver
 * deduplicates (delivery is at least once). Episodes are not resolved here: the alert is the event.
 */
final class WebhookSink implements AlertSink {

    private final URI url;
    private final byte[] secret;
    private final Http http;

    WebhookSink(URI url, String secret, Http http) {
        if (secret == null || secret.isBlank()) throw new IllegalArgumentException("delivery.webhook.url is set but delivery.webhook.secret is not");
        this.url = url;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.http = http;
    }

    @Override
    public String name() {
        return "webhook";
    }

    @Override
    public void fire(Episode e) throws IOException, InterruptedException {
        if (e.raw() == null) return; // recovered from Alertmanager: it was sent when it was read from risk_alerts
        byte[] body = e.raw().getBytes(StandardCharsets.UTF_8);
        http.send(http.request(url).header("Content-Type", "application/json")
                .header(Signature.HEADER, Signature.of(body, secret)).header("X-Risk-Alert-Id", e.alertId())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }
}

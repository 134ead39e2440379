package dev.riskplatform.detector.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Alert delivery (docs/alerting.md), prefix {@code delivery}: off unless a sink's URL is set. The
 * forwarder reads risk_alerts and risk_events in its own consumer group and pushes each alert to
 * every configured sink; offsets are committed only once every sink accepted the alert or gave up.
 */
@ConfigMapping(prefix = "delivery")
public interface DeliveryConfig {

    Alertmanager alertmanager();

    Webhook webhook();

    /** The dashboard linked from each alert; {@code ?symbol=} is appended. */
    @WithDefault("http://127.0.0.1:8082/dashboard/")
    String dashboardUrl();

    /** The forwarder's consumer group: one committed position for all forwarder instances. */
    @WithDefault("alert-delivery")
    String groupId();

    /** Attempts per sink and alert before it is given up (counted and logged, then committed). */
    @WithDefault("5")
    int maxAttempts();

    /** Wait before the second attempt; doubled for each further one, up to 30 s. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Connect and response timeout of one HTTP request to a sink. */
    @WithDefault("5s")
    Duration requestTimeout();

    /** Alerts emitted longer ago than this (a new group reading old retention) are counted as stale, not sent. */
    @WithDefault("1h")
    Duration maxAge();

    interface Alertmanager {
        /** Base URL, e.g. http://127.0.0.1:9095 ({@code /api/v2/alerts} is appended). */
        Optional<URI> url();

        /** How often the open episodes are re-read from Alertmanager (restart recovery, other instances' alerts). */
        @WithDefault("30s")
        Duration refreshInterval();
    }

    interface Webhook {
        /** Receives a POST of each alert's risk_alerts JSON, signed with {@link #secret()}. */
        Optional<URI> url();

        /** Shared HMAC-SHA256 key; required when the URL is set. */
        Optional<String> secret();
    }
}

package dev.riskplatform.detector.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Per sink and action (fire, resolve): deliveries a sink accepted and those given up after the last
 * attempt; plus risk_alerts records not sent at all (unreadable, or stale for a new consumer group).
 * Every series exists from the start at 0, so rate() and alert rules see it before the first alert.
 */
public class DeliveryMetrics {

    private final MeterRegistry meters;

    public DeliveryMetrics(MeterRegistry meters, Iterable<String> sinks) {
        this.meters = meters;
        for (String sink : sinks) {
            for (String action : new String[] {"fire", "resolve"}) {
                delivered(sink, action);
                failed(sink, action);
            }
        }
        skipped("unreadable");
        skipped("stale");
    }

    Counter delivered(String sink, String action) {
        return Counter.builder("detector.delivery.delivered").description("Alerts a sink accepted (2xx)")
                .tag("sink", sink).tag("action", action).register(meters);
    }

    Counter failed(String sink, String action) {
        return Counter.builder("detector.delivery.failed").description("Alerts given up after the last attempt (logged, offset committed)")
                .tag("sink", sink).tag("action", action).register(meters);
    }

    Counter skipped(String reason) {
        return Counter.builder("detector.delivery.skipped").description("risk_alerts records not sent: unreadable, or older than delivery.max-age")
                .tag("reason", reason).register(meters);
    }
}

package dev.riskplatform.detector.stream;

import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

/**
 * The detector's three keyed JSON outputs (docs/topics.md): one risk calculation per closed bar to
 * {@code risk_events} and one alert per market episode to {@code risk_alerts}, keyed by symbol;
 * refused {@code market_prices} records to {@code detector_dlq} under their original key.
 *
 * <p>Every method sends now (the emitter's Uni is subscribed before it returns), so records leave
 * in call order, and completes on the broker's acknowledgement.
 */
@ApplicationScoped
public class RiskPublisher {

    public static final String EVENTS = "risk-events";
    public static final String ALERTS = "risk-alerts";
    public static final String DEAD_LETTERS = "detector-dlq";

    private final MutinyEmitter<Record<String, String>> events, alerts, deadLetters;

    public RiskPublisher(
            @Channel(EVENTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384) MutinyEmitter<Record<String, String>> events,
            @Channel(ALERTS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384) MutinyEmitter<Record<String, String>> alerts,
            @Channel(DEAD_LETTERS) @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 16384) MutinyEmitter<Record<String, String>> deadLetters) {
        this.events = events;
        this.alerts = alerts;
        this.deadLetters = deadLetters;
    }

    public CompletableFuture<Void> event(String key, String json) {
        return sendNow(events, key, json);
    }

    public CompletableFuture<Void> alert(String key, String json) {
        return sendNow(alerts, key, json);
    }

    public CompletableFuture<Void> deadLetter(String key, String json) {
        return sendNow(deadLetters, key, json);
    }

    private static CompletableFuture<Void> sendNow(MutinyEmitter<Record<String, String>> emitter, String key, String json) {
        return emitter.send(Record.of(key, json)).subscribeAsCompletionStage();
    }
}

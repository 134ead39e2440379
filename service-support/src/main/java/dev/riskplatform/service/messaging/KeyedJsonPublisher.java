package dev.riskplatform.service.messaging;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.Record;
import java.util.concurrent.CompletableFuture;

/**
 * A topic the platform writes JSON values to under a key (docs/topics.md). Each service's publisher
 * extends this with its channel: the channel name and its buffer stay next to the processor that uses it.
 */
public abstract class KeyedJsonPublisher {

    private MutinyEmitter<Record<String, String>> emitter;

    /** For CDI's client proxy only. */
    protected KeyedJsonPublisher() {
    }

    protected KeyedJsonPublisher(MutinyEmitter<Record<String, String>> emitter) {
        this.emitter = emitter;
    }

    /** Completes once the broker acknowledged the record (lazy: sends on subscription). */
    public Uni<Void> publish(String key, String json) {
        return emitter.send(Record.of(key, json));
    }

    /** Sends now, so records leave in call order; completes on the broker's acknowledgement. */
    public CompletableFuture<Void> sendNow(String key, String json) {
        return publish(key, json).subscribeAsCompletionStage();
    }
}

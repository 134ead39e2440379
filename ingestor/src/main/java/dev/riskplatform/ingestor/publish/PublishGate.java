package dev.riskplatform.ingestor.publish;

import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

/**
 * Bounds what the ingestor has handed to Kafka (trades and dead letters) and not yet heard back
 * about. The WebSocket readers ask after every message; at {@link #HIGH} units in flight they stop
 * reading, and start again once acknowledgements bring it down to {@link #LOW}. A slow broker then
 * pushes back through TCP to the exchange (or the replay server) instead of filling the heap.
 *
 * <p>A unit is one trade (a value of ~200 bytes); a dead letter weighs one unit per KiB of its value,
 * so a flood of 64 KiB garbage frames is bounded by bytes, not by count.
 */
@ApplicationScoped
public class PublishGate {

    /**
     * ~80 ms of trades at 100 k/s: room for a few producer round trips. More is worse, not safer: what is in
     * flight outlives young collections. Through the connector's per-record pipeline (~1.5 KB a message) 16,384
     * were promoted and G1 spent half a core scanning old-to-young cards (33 k trades/s published at 100 k
     * offered, against 71-81 k at 4,096). Handed to the producer directly (MarketPricePublisher) a message
     * carries no pipeline, and 8,192 took the gate's pauses in a 100 k/s step from ~14 to 0-1 (BENCHMARKS.md).
     */
    public static final int HIGH = 8_192;
    static final int LOW = HIGH / 4;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();

    /** How the broker answered about one message; called on the producer's I/O thread, so keep it short. */
    public interface Outcome<T> {
        void acked(T subject);

        void failed(T subject, Throwable error);
    }

    /**
     * Hands {@code key}/{@code value} for {@code topic} to {@code producer}, with {@code subject} passed back to
     * {@code outcome} once the broker acknowledged it or refused it. Never throws: a record the producer refuses
     * at once (closed, or no metadata within max.block.ms) is a failure like a broker's refusal.
     */
    <T> void send(Producer<String, String> producer, String topic, String key, String value, T subject, Outcome<T> outcome) {
        InFlight<T> message = new InFlight<>(weight(value.length()), subject, outcome);
        inFlight.addAndGet(message.units);
        try {
            producer.send(new ProducerRecord<>(topic, key, value), message);
        } catch (RuntimeException e) {
            message.onCompletion(null, e);
        }
    }

    /**
     * Hands {@code key}/{@code value} to the channel of {@code emitter}, with {@code subject} passed back to
     * {@code outcome} once the broker acknowledged it or refused it. Never throws: a send the channel refuses
     * (its bounded buffer full, or the channel down) is a failure like a broker's refusal.
     */
    <T> void send(Emitter<Record<String, String>> emitter, String key, String value, T subject, Outcome<T> outcome) {
        InFlight<T> message = new InFlight<>(weight(value.length()), subject, outcome);
        inFlight.addAndGet(message.units);
        try {
            emitter.send(Message.of(Record.of(key, value), message::acked, message::failed));
        } catch (RuntimeException e) {
            message.failed(e, Metadata.empty());
        }
    }

    /** Units a value of {@code chars} characters weighs. */
    static int weight(int chars) {
        return 1 + chars / 1024;
    }

    private void settled(int units) {
        if (inFlight.addAndGet(-units) <= LOW && !waiting.isEmpty()) wake();
    }

    /**
     * Asked by a reader after each message: true = read on; false = stop reading now, and {@code resume}
     * runs (once, on the thread that brought the backlog down to {@link #LOW}) when it may read again.
     */
    public boolean admits(Runnable resume) {
        if (inFlight.get() < HIGH) return true;
        waiting.add(resume);
        if (inFlight.get() <= LOW) wake(); // drained between the check and the add: nobody else would wake it
        return false;
    }

    public int inFlight() {
        return inFlight.get();
    }

    private void wake() {
        for (Runnable r = waiting.poll(); r != null; r = waiting.poll()) r.run();
    }

    /**
     * The ack and nack of one message: the sink (or the producer, as its callback) calls one of them once, on the
     * producer's I/O thread. A plain object, not a MutinyEmitter Uni per message: with context propagation every
     * Uni callback captured a context state (~320 k SlowCapturedContextState in a heap histogram at 100 k/s).
     */
    private final class InFlight<T> implements Callback {

        private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
        private static final AtomicIntegerFieldUpdater<InFlight<?>> SETTLED = settledUpdater();

        private final int units;
        private final T subject;
        private final Outcome<T> outcome;
        /** 1 once heard of: a producer that throws may or may not have called the callback first. */
        private volatile int settled;

        InFlight(int units, T subject, Outcome<T> outcome) {
            this.units = units;
            this.subject = subject;
            this.outcome = outcome;
        }

        @SuppressWarnings({"unchecked", "rawtypes"})
        private static AtomicIntegerFieldUpdater<InFlight<?>> settledUpdater() {
            return (AtomicIntegerFieldUpdater) AtomicIntegerFieldUpdater.newUpdater(InFlight.class, "settled");
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            settle(error);
        }

        CompletionStage<Void> acked(Metadata metadata) {
            settle(null);
            return DONE;
        }

        CompletionStage<Void> failed(Throwable error, Metadata metadata) {
            settle(error);
            return DONE;
        }

        /** Once per message, whichever path reports it (null = acknowledged). */
        private void settle(Throwable error) {
            if (!SETTLED.compareAndSet(this, 0, 1)) return;
            settled(units);
            if (error == null) outcome.acked(subject);
            else outcome.failed(subject, error);
        }
    }
}

package dev.riskplatform.ingestor.publish;

import dev.riskplatform.ingestor.metrics.IngestorMetrics;
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
 * pushes back through TCP to the exchange (or the replay server) instead of filling the heap. A pause
 * is short (BinanceConnection.MAX_PAUSE): past it the readers read on, so pings are answered, and the
 * sequencers defer trades while {@link #hasRoom()} is false, to be backfilled from REST once Kafka is back.
 * Records reach the producer through {@link KafkaHandOff}, never on the reader's thread.
 *
 * <p>A unit is one trade (a value of ~200 bytes); a dead letter weighs one unit per KiB of its value,
 * so a flood of 64 KiB garbage frames is bounded by bytes, not by count.
 */
@ApplicationScoped
public class PublishGate {

    /**
     * ~80 ms of trades at 100 k/s: room for a few producer round trips, so the readers rarely pause. More is
     * worse, not safer: what is in flight outlives young collections and is promoted, and the old generation then
     * costs the collector more than the trades cost the ingestor. The bound holds because a message in flight is
     * only its record and an {@code InFlight} (BENCHMARKS.md, ingestor end to end, for the sizes tried).
     */
    public static final int HIGH = 8_192;
    static final int LOW = HIGH / 4;
    /**
     * Dead letters have no gap fill to come back by, so they are queued while trades are deferred; past this many
     * units in flight (a broker down under a flood of garbage) one is refused, counted and logged, so the heap stays
     * bounded (~32 k units: at most 32 MiB of dead-letter text).
     */
    static final int DEAD_LETTER_CAP = 4 * HIGH;

    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
    private final KafkaHandOff handOff = new KafkaHandOff();
    /** When Kafka last acknowledged something, or the first unacknowledged record was handed over (ms). */
    private volatile long lastProgress = System.currentTimeMillis();

    public PublishGate(IngestorMetrics metrics) {
        metrics.publishInFlight(this, PublishGate::inFlight);
    }

    /** How the broker answered about one message; called on the producer's I/O thread, so keep it short. */
    public interface Outcome<T> {
        void acked(T subject);

        void failed(T subject, Throwable error);
    }

    /**
     * Queues {@code key}/{@code value} for {@code topic} to {@code producer} ({@link KafkaHandOff}: the caller never
     * blocks), with {@code subject} passed back to {@code outcome} once the broker acknowledged it or refused it.
     * Never throws. A record the producer refuses in send with a timeout (no metadata, buffer full) is sent again;
     * any other refusal (closed producer) is a failure like a broker's.
     */
    <T> void send(Producer<String, String> producer, String topic, String key, String value, T subject, Outcome<T> outcome) {
        InFlight<T> message = new InFlight<>(weight(value.length()), subject, outcome);
        message.record = new ProducerRecord<>(topic, key, value);
        message.producer = producer;
        counted(message.units);
        handOff.hand(message);
    }

    /**
     * Hands {@code key}/{@code value} to the channel of {@code emitter}, with {@code subject} passed back to
     * {@code outcome} once the broker acknowledged it or refused it. Never throws: a send the channel refuses
     * (its bounded buffer full, or the channel down) is a failure like a broker's refusal.
     */
    <T> void send(Emitter<Record<String, String>> emitter, String key, String value, T subject, Outcome<T> outcome) {
        if (inFlight.get() >= DEAD_LETTER_CAP) { // nothing counted: reported, not settled
            outcome.failed(subject, new IllegalStateException("Kafka is not taking records: " + inFlight.get()
                    + " units in flight, over the cap of " + DEAD_LETTER_CAP));
            return;
        }
        InFlight<T> message = new InFlight<>(weight(value.length()), subject, outcome);
        counted(message.units);
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

    private void counted(int units) {
        if (inFlight.getAndAdd(units) == 0) lastProgress = System.currentTimeMillis();
    }

    private void settled(int units, boolean acked) {
        if (acked) lastProgress = System.currentTimeMillis();
        if (inFlight.addAndGet(-units) <= LOW && !waiting.isEmpty()) wake();
    }

    /** True while a trade may be handed over; false = defer it (the sequencer backfills it from REST later). */
    public boolean hasRoom() {
        return inFlight.get() < HIGH;
    }

    /** How long records have been waiting with no acknowledgement from Kafka (0 when nothing is in flight). */
    public long stalledMillis() {
        return inFlight.get() == 0 ? 0 : Math.max(0, System.currentTimeMillis() - lastProgress);
    }

    @jakarta.annotation.PreDestroy
    void close() {
        handOff.stop();
    }

    /** Why the producer last refused a record in send (null if it never did). */
    public String lastRefusal() {
        return handOff.lastRefusal();
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
     * producer's I/O thread. A plain object, not a MutinyEmitter Uni per message: with context propagation each Uni
     * callback captures a context state, one more object per message in flight (BENCHMARKS.md).
     */
    private final class InFlight<T> implements Callback, KafkaHandOff.Pending {

        private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
        private static final AtomicIntegerFieldUpdater<InFlight<?>> SETTLED = settledUpdater();

        private final int units;
        private final T subject;
        private final Outcome<T> outcome;
        /** 1 once heard of: a producer that throws may or may not have called the callback first. */
        private volatile int settled;
        /** Set for the producer path only, before the hand-off. */
        ProducerRecord<String, String> record;
        Producer<String, String> producer;

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
        public void send() {
            try {
                producer.send(record, this);
            } catch (RuntimeException e) {
                onCompletion(null, e);
            }
        }

        @Override
        public void onCompletion(RecordMetadata metadata, Exception error) {
            if (error != null && handOff.refusedInSend(error)) return; // never appended: sent again
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
            settled(units, error == null);
            if (error == null) outcome.acked(subject);
            else outcome.failed(subject, error);
        }
    }
}

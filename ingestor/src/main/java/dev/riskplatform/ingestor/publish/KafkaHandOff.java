package dev.riskplatform.ingestor.publish;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.errors.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The one thread that calls {@code KafkaProducer.send}. {@code send} blocks while the producer has no metadata for
 * the topic (a broker outage, up to max.block.ms each time) or its buffer is full; on the WebSocket's event loop that
 * would stop pongs and /q/metrics, so the readers only queue here. The queue needs no bound of its own: what it holds
 * is counted in {@link PublishGate}'s units in flight, which the readers and sequencers respect.
 *
 * <p>A record the producer refuses in {@code send} with a timeout (no metadata, buffer full) was never appended: it
 * is sent again, in its turn, until the producer takes it, so an outage of any length loses nothing and keeps order.
 */
final class KafkaHandOff {

    private static final Logger LOG = Logger.getLogger(KafkaHandOff.class);
    private static final long RETRY_PAUSE_MS = 200;

    /** One record, sent on the hand-off's thread. */
    interface Pending {
        void send();
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread = new Thread(this::run, "ingestor-kafka-publisher");
    /** Written by the hand-off thread only: the record in hand was refused and must be sent again. */
    private boolean retry;
    private volatile String lastRefusal;
    private volatile long refusals;

    KafkaHandOff() {
        thread.setDaemon(true);
        thread.start();
    }

    /** The application stops: the thread leaves its wait (what is still queued is not sent, as the producer closes). */
    void stop() {
        thread.interrupt();
    }

    void hand(Pending p) {
        queue.add(p);
    }

    int queued() {
        return queue.size();
    }

    /** The last time send refused a record (null if never), e.g. "no metadata for market_prices-0 within 60000 ms". */
    String lastRefusal() {
        return lastRefusal;
    }

    long refusals() {
        return refusals;
    }

    /**
     * Called by a record's callback: true when {@code error} is the producer refusing it inside {@code send} on this
     * thread with a timeout, so it will be sent again instead of counted as failed.
     */
    boolean refusedInSend(Exception error) {
        if (!(error instanceof TimeoutException) || Thread.currentThread() != thread) return false;
        retry = true;
        lastRefusal = error.getMessage();
        refusals++;
        return true;
    }

    private void run() {
        while (true) {
            Pending p;
            try {
                p = queue.take();
                sendUntilTaken(p);
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) { // a bug: keep the thread, the records behind it still go out
                LOG.errorf(e, "Kafka hand-off: unexpected error");
            }
        }
    }

    private void sendUntilTaken(Pending p) throws InterruptedException {
        retry = false;
        p.send();
        while (retry) {
            if (refusals % 10 == 1) LOG.warnf("Kafka does not take records (%s); retrying, nothing is dropped", lastRefusal);
            TimeUnit.MILLISECONDS.sleep(RETRY_PAUSE_MS);
            retry = false;
            p.send();
        }
    }
}

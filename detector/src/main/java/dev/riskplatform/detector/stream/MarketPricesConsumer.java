package dev.riskplatform.detector.stream;

import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.io.topic.MarketPriceMessage;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * market_prices in: each record to its symbol's pipeline ({@link SymbolTable}), its outputs to
 * risk_events, risk_alerts, detector_dlq ({@link Outputs}).
 *
 * <p>Values are read as bytes and parsed from them (MarketPriceMessage#parse(String, byte[])), with no String copy of
 * every trade first; only a dead letter's raw text is decoded.
 *
 * <p>Records arrive as one batch per consumer poll (a batch channel), in partition order, and a batch
 * is processed in one go under the stream lock. The channel commits with the throttled strategy; a
 * batch is acked by the rule of {@link Outputs}, so a crash re-delivers rather than loses.
 */
@ApplicationScoped
public class MarketPricesConsumer {

    public static final String CHANNEL = "market-prices";
    private static final Logger LOG = Logger.getLogger(MarketPricesConsumer.class);

    private final ModelManager models;
    private final SymbolTable symbols;
    private final Outputs outputs;
    private final StreamMetrics metrics;

    public MarketPricesConsumer(ModelManager models, SymbolTable symbols, Outputs outputs, StreamMetrics metrics) {
        this.models = models;
        this.symbols = symbols;
        this.outputs = outputs;
        this.metrics = metrics;
    }

    @Incoming(CHANNEL)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, byte[]> batch) {
        // Until a first model serves, the interval (hence the bars) is unknown: hold the batch.
        return models.firstModel().thenAccept(m -> {
            // A failed output nacks the batch, which stops the channel (failure-strategy fail) rather than lose it.
            process(batch).whenComplete((ok, err) -> {
                if (err == null) batch.ack();
                else batch.nack(err);
            });
        });
    }

    private CompletableFuture<Void> process(KafkaRecordBatch<String, byte[]> batch) {
        synchronized (symbols) {
            Outputs.Sends sends = outputs.forBatch();
            long wallNow = System.currentTimeMillis(); // one clock read per batch is precise enough for the idle timer
            int trades = 0;
            for (KafkaRecord<String, byte[]> r : batch) {
                if (processOne(r, wallNow, sends)) trades++;
            }
            metrics.trades(trades);
            return sends.all();
        }
    }

    /** One record in; true when it was a trade (dead letters are not counted as trades). */
    private boolean processOne(KafkaRecord<String, byte[]> record, long wallNow, Outputs.Sends sends) {
        String key = record.getKey();
        symbols.touchPartition(record.getPartition(), wallNow);
        MarketPriceMessage.Received parsed;
        try {
            parsed = MarketPriceMessage.parse(key, record.getPayload());
        } catch (IllegalArgumentException e) {
            sends.deadLetter(key, text(record.getPayload()), e.getMessage());
            return false;
        }
        try {
            symbols.onTrade(parsed, record.getPartition(), wallNow, true, sends);
        } catch (RuntimeException e) {
            // A bug must not stop the stream; the record is kept, with the reason, for replay.
            LOG.error("processing failed for " + parsed.trade(), e);
            sends.deadLetter(key, text(record.getPayload()), "processing failed: " + e);
        }
        return true;
    }

    /** A dead letter's raw text: the value as a String consumer would have read it (bad UTF-8 replaced). */
    private static String text(byte[] value) {
        return value == null ? null : new String(value, StandardCharsets.UTF_8);
    }
}

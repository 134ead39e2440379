package dev.riskplatform.detector.stream;

import dev.riskplatform.detector.model.DetectorConfig;
import dev.riskplatform.detector.model.ModelManager;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;

/**
 * Closes the bars of symbols that went quiet ({@code detector.idle-after} without a trade or any record
 * on their partition), so a symbol's last bar does not wait for its next trade. Its sends are acked with
 * the next batch ({@link Outputs}).
 */
@Singleton
public class IdleCloser {

    private final ModelManager models;
    private final SymbolTable symbols;
    private final Outputs outputs;
    private final DetectorConfig config;

    public IdleCloser(ModelManager models, SymbolTable symbols, Outputs outputs, DetectorConfig config) {
        this.models = models;
        this.symbols = symbols;
        this.outputs = outputs;
        this.config = config;
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (models.active().isEmpty()) return;
        synchronized (symbols) { // the stream lock: no batch starts between the closes and their hand-over
            Outputs.Sends sends = outputs.outsideBatch();
            symbols.closeIdle(System.currentTimeMillis(), config.idleAfter().toMillis(), sends);
            outputs.keepForNextBatch(sends);
        }
    }
}

package dev.riskplatform.detector.stream;

import dev.riskplatform.detector.model.ActiveModel;

/**
 * Measures what a hot swap costs the stream: the time between the last trade scored by the old
 * model and the first scored by the new one. Loading and verifying run on the model-loader
 * thread, so under load this is the gap the swap really leaves; when the stream happens to be
 * idle at the swap, the idle time is counted too (read the figure from a run under load).
 * Called under TradeProcessor's lock.
 */
final class SwapPause {

    private final StreamMetrics metrics;
    private ActiveModel last;
    private long lastNanos;

    SwapPause(StreamMetrics metrics) {
        this.metrics = metrics;
    }

    void onTrade(ActiveModel model) {
        long now = System.nanoTime();
        if (last != null && model != last) metrics.swapPause(now - lastNanos); // identity: one ActiveModel per swap
        last = model;
        lastNanos = now;
    }
}

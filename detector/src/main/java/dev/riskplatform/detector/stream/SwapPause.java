package dev.riskplatform.detector.stream;

import dev.riskplatform.detector.model.ActiveModel;
import java.util.HashMap;
import java.util.Map;

/**
 * Measures what a hot swap costs the stream: the time between the last trade scored by the old
 * model and the first scored by the new one. Loading and verifying run on the model-loader
 * thread, so under load this is the gap the swap really leaves; when the stream happens to be
 * idle at the swap, the idle time is counted too (read the figure from a run under load).
 * Called under the stream lock (SymbolTable).
 */
final class SwapPause {

    private final StreamMetrics metrics;
    /** Per model name (the default and each symbol's own): trades of different symbols alternate between models. */
    private final Map<String, Seen> last = new HashMap<>();

    SwapPause(StreamMetrics metrics) {
        this.metrics = metrics;
    }

    void onTrade(ActiveModel model) {
        long now = System.nanoTime();
        Seen seen = last.get(model.scoring().name());
        if (seen == null) {
            last.put(model.scoring().name(), new Seen(model, now));
            return;
        }
        if (model != seen.model) metrics.swapPause(now - seen.nanos); // identity: one ActiveModel per swap
        seen.model = model;
        seen.nanos = now;
    }

    private static final class Seen {
        ActiveModel model;
        long nanos;

        Seen(ActiveModel model, long nanos) {
            this.model = model;
            this.nanos = nanos;
        }
    }
}

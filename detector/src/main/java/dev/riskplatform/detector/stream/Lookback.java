package dev.riskplatform.detector.stream;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.risk.RollingIntradayRisk;
import dev.riskplatform.detector.model.DetectorConfig;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * How far back a recovery reads ({@link RecoveryListener}), in publish time: the serving spec's interval and history
 * and the detector's allowed lateness.
 */
record Lookback(long interval, long lateness, int historyBars) {

    Lookback(FeatureSpec spec, DetectorConfig config) {
        this(spec.interval().millis(), config.allowedLateness().toMillis(), spec.historyBars());
    }

    /**
     * Trades: the spec's history (the warm-up for v1; for v2 also the bars after which its EWMA levels weigh older
     * history below 1e-15) + 2 bars. A symbol without restored bars rebuilds its windows from them, as before bars
     * were restored.
     */
    long trades() {
        return (historyBars + 2L) * interval + lateness;
    }

    /** Emitted bars: the trades' window, and at least a day for the 24 h intraday risk. */
    long bars() {
        return Math.max(trades(), RollingIntradayRisk.WINDOW_MILLIS + 2 * interval + lateness);
    }

    /** An event published this close to a partition's stop may be one whose alert a crash lost: an interval and the lateness. */
    long lostAlertWindow() {
        return interval + lateness;
    }

    /**
     * The earliest record timestamp of a trade of a bar after the last one restored, from its event's {@code
     * pendingSince} (SymbolTable#restoredThrough). That is the ingestor's publish time, as record timestamps are, set a
     * moment before them: the lateness covers that. Publish
     * time, not the bars' own time, so a replay of history, a gap fill published late or a detector behind its feed is
     * no exception.
     */
    long firstNeeded(long pendingSince) {
        return pendingSince - lateness;
    }

    /**
     * Where a partition's trade replay starts: the trades' window before its stop, cut to the first trade a restored
     * symbol of the partition needs (the most behind of them decides). A partition with no restored symbol reads the
     * whole window.
     */
    long tradesSince(long stop, int partition, Map<String, Long> restored, ToIntFunction<String> partitionOf) {
        long earliest = Long.MAX_VALUE;
        for (Map.Entry<String, Long> e : restored.entrySet()) {
            if (partitionOf.applyAsInt(e.getKey()) == partition) earliest = Math.min(earliest, firstNeeded(e.getValue()));
        }
        long window = stop - trades();
        return earliest == Long.MAX_VALUE ? window : Math.max(window, earliest);
    }
}

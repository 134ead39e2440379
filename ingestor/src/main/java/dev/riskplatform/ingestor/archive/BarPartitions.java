package dev.riskplatform.ingestor.archive;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.ingestor.storage.PartitionWriter.Written;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bar partitions this archiver wrote, as it left them, so the next flush merges its new bars
 * into them instead of reading them back from S3: that read made a day's bar work quadratic (every
 * flush read, parsed and rewrote every bar of the day so far). The conditional manifest write
 * still notices another writer (klines backfill, dump import) and reads the partition then.
 * Bounded by the bars held, least recently written dropped first; a partition not held is read
 * back, as after a restart. Not thread-safe: owned by the archive loop's thread.
 */
final class BarPartitions {

    /** About 1,440 bars a symbol-day, ~130 bytes a bar: 64 k bars are ~8 MB, 44 symbol-days. */
    static final int DEFAULT_MAX_BARS = 65_536;

    private record Key(String symbol, LocalDate date) {
    }

    private final int maxBars;
    private final LinkedHashMap<Key, Written<Bar>> written = new LinkedHashMap<>(64, 0.75f, true);
    private int held;

    BarPartitions(int maxBars) {
        this.maxBars = maxBars;
    }

    /** What our last write of the partition left, or null when it is not held. */
    Written<Bar> get(String symbol, LocalDate date) {
        return written.get(new Key(symbol, date));
    }

    void put(String symbol, LocalDate date, Written<Bar> w) {
        forget(symbol, date);
        written.put(new Key(symbol, date), w);
        held += w.rows().size();
        for (Iterator<Map.Entry<Key, Written<Bar>>> it = written.entrySet().iterator(); held > maxBars && it.hasNext(); ) {
            held -= it.next().getValue().rows().size();
            it.remove();
        }
    }

    /** After a failed write we do not know what the partition holds: read it next time. */
    void forget(String symbol, LocalDate date) {
        Written<Bar> w = written.remove(new Key(symbol, date));
        if (w != null) held -= w.rows().size();
    }

    int bars() {
        return held;
    }
}

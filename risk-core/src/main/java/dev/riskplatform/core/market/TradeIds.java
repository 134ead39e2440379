package dev.riskplatform.core.market;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * The trade ids of one open bar, for duplicate detection. Exchange ids rise by one per trade, so
 * nearly every id extends the last run [from, to]: a bar of any size is a few longs, where a
 * {@code HashSet<Long>} held a boxed id and a node per trade (~50 bytes; 32 symbols at 3,000
 * trades/s keep ~6 M ids in open 1-minute bars, ~300 MB). An id below the last run's end (a
 * reordered or replayed trade) is looked up in the runs and, if new, kept in a plain set: rare.
 */
final class TradeIds {

    // Runs [from[i], to[i]], ascending and disjoint; only the last grows or is followed by a new one.
    private long[] from = new long[2], to = new long[2];
    private int runs;
    private Set<Long> others; // ids below the last run's end that no run holds
    private int size;

    /** Adds the id; false when it is already there. */
    boolean add(long id) {
        if (runs > 0 && id <= to[runs - 1]) {
            if (inRun(id)) return false;
            if (others == null) others = new HashSet<>();
            if (!others.add(id)) return false;
        } else if (runs > 0 && id == to[runs - 1] + 1) {
            to[runs - 1] = id;
        } else {
            append(id);
        }
        size++;
        return true;
    }

    int size() {
        return size;
    }

    private boolean inRun(long id) {
        int i = Arrays.binarySearch(from, 0, runs, id);
        if (i >= 0) return true;
        int before = -i - 2; // the last run starting below id
        return before >= 0 && id <= to[before];
    }

    private void append(long id) {
        if (runs == from.length) {
            from = Arrays.copyOf(from, runs * 2);
            to = Arrays.copyOf(to, runs * 2);
        }
        from[runs] = id;
        to[runs] = id;
        runs++;
    }
}

package dev.riskplatform.ingestor.binance;

/**
 * The last {@code capacity} trade ids a sequencer published, to tell a duplicate from an id that is
 * merely old. Published ids only grow and follow on one from the other except across an unfillable
 * gap, so the window is kept as runs of consecutive ids, usually one: a few longs per symbol where
 * a map of boxed ids cost ~100 bytes per id (10,000 per symbol) and most of the ingestor's GC work.
 */
final class RecentIds {

    private final int capacity;
    /** Ring of runs [from, to], oldest at {@code head}; the length stays a power of two. */
    private long[] from = new long[4], to = new long[4];
    private int head, runs;
    private int size;

    RecentIds(int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be >= 1, got " + capacity);
        this.capacity = capacity;
    }

    /** Adds the next published id; ids must grow. The oldest id leaves once the window is full. */
    void add(long id) {
        int last = slot(runs - 1);
        if (runs > 0 && id <= to[last]) throw new IllegalArgumentException("ids must grow: " + id + " after " + to[last]);
        if (runs > 0 && id == to[last] + 1) {
            to[last] = id;
        } else {
            if (runs == from.length) grow();
            int next = slot(runs++);
            from[next] = id;
            to[next] = id;
        }
        if (++size > capacity) dropOldest();
    }

    boolean contains(long id) {
        int lo = 0, hi = runs - 1;
        while (lo <= hi) { // runs are disjoint and ascending, so a binary search over the ring finds the one run
            int mid = (lo + hi) >>> 1, s = slot(mid);
            if (id < from[s]) hi = mid - 1;
            else if (id > to[s]) lo = mid + 1;
            else return true;
        }
        return false;
    }

    int size() {
        return size;
    }

    private void dropOldest() {
        size--;
        if (from[head]++ == to[head]) {
            head = slot(1);
            runs--;
        }
    }

    private int slot(int i) {
        return (head + i) & (from.length - 1);
    }

    private void grow() {
        long[] f = new long[from.length * 2], t = new long[to.length * 2];
        for (int i = 0; i < runs; i++) {
            f[i] = from[slot(i)];
            t[i] = to[slot(i)];
        }
        from = f;
        to = t;
        head = 0;
    }
}

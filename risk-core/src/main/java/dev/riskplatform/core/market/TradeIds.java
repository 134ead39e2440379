package dev.riskplatform.core.market;

import java.util.Arrays;

/**
 * The trade ids of one open bar, for duplicate detection: an open-addressing set of longs, so a
 * trade costs no boxed Long and no hash node (a bar of a busy symbol holds tens of thousands).
 * Ids are never negative ({@link Trade} refuses them), so -1 marks a free slot.
 */
final class TradeIds {

    private static final long FREE = -1L;
    private long[] slots = newSlots(16);
    private int size;

    /** Adds the id; false when it was already there. */
    boolean add(long id) {
        if (2 * (size + 1) > slots.length) grow();
        if (!insert(slots, id)) return false;
        size++;
        return true;
    }

    int size() {
        return size;
    }

    /** Linear probing from a Fibonacci hash: consecutive ids (Binance's) would otherwise fill one run. */
    private static boolean insert(long[] table, long id) {
        int mask = table.length - 1;
        for (int i = mix(id) & mask; ; i = (i + 1) & mask) {
            if (table[i] == id) return false;
            if (table[i] == FREE) {
                table[i] = id;
                return true;
            }
        }
    }

    private void grow() {
        long[] bigger = newSlots(slots.length * 2);
        for (long id : slots) if (id != FREE) insert(bigger, id);
        slots = bigger;
    }

    private static long[] newSlots(int n) {
        long[] s = new long[n];
        Arrays.fill(s, FREE);
        return s;
    }

    /** Fibonacci hashing: the high half of id * 2^64/φ is well mixed; the mask keeps its low bits. */
    private static int mix(long id) {
        return (int) ((id * 0x9E3779B97F4A7C15L) >>> 32);
    }
}

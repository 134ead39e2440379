package dev.riskplatform.core.forest.tree;

/**
 * Draws m distinct row indices out of n without touching the other n - m rows
 * (Floyd's algorithm, Bentley 1987), so fitting costs O(trees · ψ) in sampling, not O(trees · n).
 */
public final class Sampler {

    private Sampler() {
    }

    /** m distinct indices in [0, n), m <= n. The order is not random; tree building does not need it. */
    public static int[] withoutReplacement(int n, int m, SplitMix64 rng) {
        int[] out = new int[m];
        if (m == n) {
            for (int i = 0; i < n; i++) out[i] = i;
            return out;
        }
        IntSet seen = new IntSet(m);
        // Floyd: for j in [n-m, n): t = uniform[0, j]; take t, or j if t was already taken.
        for (int j = n - m, k = 0; j < n; j++, k++) {
            int t = rng.nextInt(j + 1);
            out[k] = seen.add(t) ? t : j;
            if (out[k] == j) seen.add(j);
        }
        return out;
    }

    /** Open-addressing set of non-negative ints, sized for m entries at load <= 1/2. */
    private static final class IntSet {
        private final int[] slots;
        private final int mask;

        IntSet(int m) {
            int cap = Integer.highestOneBit(Math.max(4, m) * 4 - 1);
            slots = new int[cap];
            java.util.Arrays.fill(slots, -1);
            mask = cap - 1;
        }

        /** True if v was absent and is now present. */
        boolean add(int v) {
            int i = (v * 0x9E3779B9) >>> 7 & mask;
            while (slots[i] != -1) {
                if (slots[i] == v) return false;
                i = (i + 1) & mask;
            }
            slots[i] = v;
            return true;
        }
    }
}

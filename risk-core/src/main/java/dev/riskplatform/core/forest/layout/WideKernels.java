package dev.riskplatform.core.forest.layout;

/**
 * The kernels of a two-word {@link TreeBlock} (5-8 features): slots 0-3 in word p, slots 4-7 in
 * word q. A leaf's bit is the AND of the block's slots' masks: word p's four and word q's first
 * two ({@code six}, a 6-slot block) or all four. A top-walk node reads word (shift >>> 6) & 1 at
 * bit shift & 63 of its 7-bit field shift.
 */
final class WideKernels {

    private WideKernels() {
    }

    /** Every tree's path length, in tree order, added to acc[off + r] for the m rows of packed[2r], packed[2r + 1]. */
    static void addPathLengths(TreeBlock b, long[] packed, int m, double[] acc, int off) {
        boolean six = b.slots == TreeBlock.SERVED_SLOTS;
        for (int t = 0; t < b.trees.length; t++) {
            LeafMasks tree = b.trees[t];
            switch (tree.levels) {
                case 0 -> addFlat(tree, b.treeMajor[t], packed, m, acc, off, six);
                case 1 -> addSplit(tree, b.treeMajor[t], packed, m, acc, off, six);
                default -> addWalked(tree, b.treeMajor[t], packed, m, acc, off, six);
            }
        }
    }

    private static void addFlat(LeafMasks tree, byte[] loc, long[] packed, int m, double[] acc, int off, boolean six) {
        long[] mk = tree.masks;
        double[] v = tree.values;
        for (int r = 0; r < m; r++) {
            long x = leafBit(mk, 0, loc, packed[2 * r], packed[2 * r + 1], six);
            acc[off + r] += v[Long.numberOfTrailingZeros(x)];
        }
    }

    /** Two parts: right = (the root's field > threshold), read from the root's word. */
    private static void addSplit(LeafMasks tree, byte[] loc, long[] packed, int m, double[] acc, int off, boolean six) {
        long[] mk = tree.masks;
        double[] v = tree.values;
        int word = tree.top[0] >>> 6 & 1;
        int shift = tree.top[0] & 63;
        int threshold = tree.top[0] >>> 7;
        int stride = tree.stride;
        for (int r = 0; r < m; r++) {
            int right = ((int) (packed[2 * r + word] >>> shift) & 0xFFFF) > threshold ? 1 : 0;
            int base = -right & stride;
            long x = leafBit(mk, base, loc, packed[2 * r], packed[2 * r + 1], six);
            acc[off + r] += v[right << 6 | Long.numberOfTrailingZeros(x)];
        }
    }

    private static void addWalked(LeafMasks tree, byte[] loc, long[] packed, int m, double[] acc, int off, boolean six) {
        long[] mk = tree.masks;
        double[] v = tree.values;
        int[] top = tree.top;
        int stride = tree.stride;
        for (int r = 0; r < m; r++) {
            long p = packed[2 * r];
            long q = packed[2 * r + 1];
            int part = part(top, p, q);
            long x = leafBit(mk, part * stride, loc, p, q, six);
            acc[off + r] += v[part << 6 | Long.numberOfTrailingZeros(x)];
        }
    }

    private static long leafBit(long[] mk, int base, byte[] loc, long p, long q, boolean six) {
        long x = TreeBlock.leafBit(mk, base, loc, p) & mk[base + (loc[(int) q & 0xFFFF] & 0xFF)]
                & mk[base + (loc[(int) (q >>> 16) & 0xFFFF] & 0xFF)];
        if (six) return x;
        return x & mk[base + (loc[(int) (q >>> 32) & 0xFFFF] & 0xFF)] & mk[base + (loc[(int) (q >>> 48)] & 0xFF)];
    }

    /** The heap walk of the top levels (as {@code TreeBlock.part}) over a two-word row. */
    private static int part(int[] top, long p, long q) {
        int node = 0;
        while (node < top.length) {
            int w = top[node];
            long word = (w & 64) == 0 ? p : q;
            node = 2 * node + (((int) (word >>> (w & 63)) & 0xFFFF) > w >>> 7 ? 2 : 1);
        }
        return node - top.length;
    }

    /** acc plus every tree's path length for one row of words p, q, in tree order, on the row-major table. */
    static double addPathLengths(TreeBlock b, long p, long q, double acc) {
        LeafMasks[] trees = b.trees;
        int n = trees.length;
        int r0 = ((int) p & 0xFFFF) * n;
        int r1 = ((int) (p >>> 16) & 0xFFFF) * n;
        int r2 = ((int) (p >>> 32) & 0xFFFF) * n;
        int r3 = ((int) (p >>> 48)) * n;
        int r4 = ((int) q & 0xFFFF) * n;
        int r5 = ((int) (q >>> 16) & 0xFFFF) * n;
        int r6 = ((int) (q >>> 32) & 0xFFFF) * n;
        int r7 = ((int) (q >>> 48)) * n;
        boolean six = b.slots == TreeBlock.SERVED_SLOTS;
        byte[] loc = b.rowMajor;
        for (int t = 0; t < n; t++) {
            LeafMasks tree = trees[t];
            int part = part(tree.top, p, q);
            int base = part * tree.stride;
            long[] mk = tree.masks;
            long x = mk[base + (loc[r0 + t] & 0xFF)] & mk[base + (loc[r1 + t] & 0xFF)]
                    & mk[base + (loc[r2 + t] & 0xFF)] & mk[base + (loc[r3 + t] & 0xFF)]
                    & mk[base + (loc[r4 + t] & 0xFF)] & mk[base + (loc[r5 + t] & 0xFF)];
            if (!six) x &= mk[base + (loc[r6 + t] & 0xFF)] & mk[base + (loc[r7 + t] & 0xFF)];
            acc += tree.values[part << 6 | Long.numberOfTrailingZeros(x)];
        }
        return acc;
    }
}

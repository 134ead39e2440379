package dev.riskplatform.core.forest.layout;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.forest.tree.IsolationTree;
import java.util.List;
import java.util.TreeSet;

/**
 * Consecutive trees of a {@link MaskForest} that share one table of split keys per feature slot.
 * A row's value on slot f becomes its global rank R_f = #{block keys < x_f}, found once for all the
 * block's trees; each tree then reads its local rank lr_f from a byte table and ANDs its
 * {@link LeafMasks}. The local-rank table exists twice: tree-major for chunks of rows (one tree's
 * column, slots × slotP bytes, stays in L1 while the chunk passes) and row-major for a single row (the
 * block's trees for one R_f are contiguous, so one row touches a few cache lines, not one per tree).
 *
 * <p>Packed ranks: slot f's field f * slotP + R_f sits in bits 16 (f mod 4) .. 16 (f mod 4) + 15 of
 * word f / 4 of the row. A block has 4 slots (one word, models of 1-4 features), 6 (two words, 5-6
 * features) or 8 (two words, 7-8 features); slots past the model's features hold only padding keys,
 * so their rank is 0. Every field is below 8 × slotP ≤ 8 × 2048, so it fits its 16 bits. The key
 * table covers whole words (a 6-slot block pads slots 6 and 7), the local-rank tables only the
 * block's slots. The one-word kernels are here, the two-word ones in {@link WideKernels}.
 */
final class TreeBlock {

    /** Feature slots of a one-word block. */
    static final int SLOTS = 4;
    /**
     * Feature slots of a two-word block that skips word q's last two slots: the platform's widest row
     * (FeatureSpec.MAX_FEATURES), so served models carry no padding slot. The two-word kernels read
     * slots 4 and 5 of word q for it ({@link WideKernels}), so it is 6: MaskForestTest fails on any other.
     */
    static final int SERVED_SLOTS = FeatureSpec.MAX_FEATURES;
    /** Feature slots of a full two-word block: the most features the layout serves. */
    static final int MAX_SLOTS = 8;

    final int slots;                   // 4, 6 or 8
    private final int slotP;           // power of two > the most keys of any slot
    private final int[] keys;          // [f * slotP + i]: slot f's sorted keys, padded with MAX_VALUE
    final LeafMasks[] trees;
    final byte[][] treeMajor;          // [t][f * slotP + R] = offset(f) + lr
    final byte[] rowMajor;             // [(f * slotP + R) * trees + t], the same entries

    private TreeBlock(int slots, int slotP, int[] keys, LeafMasks[] trees) {
        this.slots = slots;
        this.slotP = slotP;
        this.keys = keys;
        this.trees = trees;
        this.treeMajor = new byte[trees.length][slots * slotP];
        this.rowMajor = new byte[slots * slotP * trees.length];
        for (int t = 0; t < trees.length; t++) {
            for (int f = 0; f < slots; f++) {
                trees[t].writeLocal(f, slotP, treeMajor[t], f * slotP, 1);
                trees[t].writeLocal(f, slotP, rowMajor, f * slotP * trees.length + t, trees.length);
            }
        }
    }

    /** The slots of a block for d features: 4 up to 4 features, 6 up to 6 (SERVED_SLOTS), 8 up to 8; -1 beyond. */
    static int slotsFor(int d) {
        return d <= SLOTS ? SLOTS : d <= SERVED_SLOTS ? SERVED_SLOTS : d <= MAX_SLOTS ? MAX_SLOTS : -1;
    }

    /** The block of the given trees, or null if one of them does not fit {@link LeafMasks}. */
    static TreeBlock compile(List<IsolationTree> trees, int slots) {
        int[][] sorted = new int[slots][];
        int most = 0;
        for (int f = 0; f < slots; f++) {
            sorted[f] = distinctKeys(trees, f);
            most = Math.max(most, sorted[f].length);
        }
        int slotP = Math.max(1, Integer.highestOneBit(most) << 1); // > most: one padding key at least
        int[] keys = new int[(slots + 3) / 4 * 4 * slotP]; // whole words: slots 6, 7 of a 6-slot block are padding
        java.util.Arrays.fill(keys, Integer.MAX_VALUE);
        for (int f = 0; f < slots; f++) System.arraycopy(sorted[f], 0, keys, f * slotP, sorted[f].length);
        LeafMasks[] compiled = new LeafMasks[trees.size()];
        for (int t = 0; t < compiled.length; t++) {
            compiled[t] = LeafMasks.compile(trees.get(t), sorted, slotP);
            if (compiled[t] == null) return null;
        }
        return new TreeBlock(slots, slotP, keys, compiled);
    }

    int deepestWalk() {
        int most = 0;
        for (LeafMasks t : trees) most = Math.max(most, t.levels);
        return most;
    }

    static int[] distinctKeys(List<IsolationTree> trees, int f) {
        TreeSet<Integer> set = new TreeSet<>();
        for (IsolationTree t : trees) {
            for (int n = 0; n < t.nodeCount(); n++) if (!t.isLeaf(n) && t.feature(n) == f) set.add(splitKey(t.split(n)));
        }
        return set.stream().mapToInt(Integer::intValue).toArray();
    }

    /** A split's key; -0.0 is stored as +0.0 so that x = ±0.0 goes left, as {@code x <= -0.0f} does. */
    static int splitKey(float split) {
        return key(split == 0f ? 0f : split);
    }

    /**
     * An int with the order of the float: key(a) <= key(b) iff a <= b for non-NaN a, b (except
     * -0.0 vs +0.0, see {@link #splitKey}). Negative floats get their magnitude bits flipped. NaN is
     * canonicalised by floatToIntBits above every finite key, so it goes right as in {@code x <= s}.
     */
    static int key(float f) {
        int b = Float.floatToIntBits(f);
        return b ^ ((b >> 31) & 0x7FFFFFFF);
    }

    /**
     * Word w of the row: the fields f * slotP + R_f of slots f = 4w .. 4w + 3, 16 bits each. R_f by a
     * branch-free binary search (b += h while key[b + h - 1] < k), the four slots in lockstep so their
     * loads overlap; an empty slot only holds padding, so its rank is 0 whatever the key.
     */
    long packedRanks(double[] rows, int at, int d, int w) {
        int[] s = keys;
        int f0 = 4 * w;
        int k0 = d > f0 ? key((float) rows[at + f0]) : 0;
        int k1 = d > f0 + 1 ? key((float) rows[at + f0 + 1]) : 0;
        int k2 = d > f0 + 2 ? key((float) rows[at + f0 + 2]) : 0;
        int k3 = d > f0 + 3 ? key((float) rows[at + f0 + 3]) : 0;
        int b0 = f0 * slotP;
        int b1 = b0 + slotP;
        int b2 = b1 + slotP;
        int b3 = b2 + slotP;
        for (int h = slotP >>> 1; h > 0; h >>>= 1) {
            b0 += s[b0 + h - 1] < k0 ? h : 0;
            b1 += s[b1 + h - 1] < k1 ? h : 0;
            b2 += s[b2 + h - 1] < k2 ? h : 0;
            b3 += s[b3 + h - 1] < k3 ? h : 0;
        }
        return b0 | (long) b1 << 16 | (long) b2 << 32 | (long) b3 << 48;
    }

    /**
     * Adds every tree's path length, in tree order, to acc[off + r] for the m packed rows (one word
     * a row, or two: packed[2r], packed[2r + 1]). Trees of at most 64 leaves and trees cut at the
     * root have kernels of their own, apart from the general walk.
     */
    void addPathLengths(long[] packed, int m, double[] acc, int off) {
        if (slots > SLOTS) {
            WideKernels.addPathLengths(this, packed, m, acc, off);
            return;
        }
        for (int t = 0; t < trees.length; t++) {
            LeafMasks tree = trees[t];
            switch (tree.levels) {
                case 0 -> addFlat(tree, treeMajor[t], packed, m, acc, off);
                case 1 -> addSplit(tree, treeMajor[t], packed, m, acc, off);
                default -> addWalked(tree, treeMajor[t], packed, m, acc, off);
            }
        }
    }

    /** One part: leaf = the one bit of the AND of the four slots' masks. */
    private static void addFlat(LeafMasks tree, byte[] loc, long[] packed, int m, double[] acc, int off) {
        long[] mk = tree.masks;
        double[] v = tree.values;
        for (int r = 0; r < m; r++) {
            long p = packed[r];
            long x = leafBit(mk, 0, loc, p);
            acc[off + r] += v[Long.numberOfTrailingZeros(x)];
        }
    }

    /** Two parts, chosen by the root split: right = (field > threshold), the right part's masks follow the left's. */
    private static void addSplit(LeafMasks tree, byte[] loc, long[] packed, int m, double[] acc, int off) {
        long[] mk = tree.masks;
        double[] v = tree.values;
        int shift = tree.top[0] & 63;
        int threshold = tree.top[0] >>> 7;
        int stride = tree.stride;
        for (int r = 0; r < m; r++) {
            long p = packed[r];
            int right = ((int) (p >>> shift) & 0xFFFF) > threshold ? 1 : 0;
            int base = -right & stride;
            long x = leafBit(mk, base, loc, p);
            acc[off + r] += v[right << 6 | Long.numberOfTrailingZeros(x)];
        }
    }

    /** Any number of parts: {@link #part} walks the top levels first. */
    private static void addWalked(LeafMasks tree, byte[] loc, long[] packed, int m, double[] acc, int off) {
        long[] mk = tree.masks;
        double[] v = tree.values;
        int[] top = tree.top;
        int stride = tree.stride;
        for (int r = 0; r < m; r++) {
            long p = packed[r];
            int part = part(top, p);
            int base = part * stride;
            long x = leafBit(mk, base, loc, p);
            acc[off + r] += v[part << 6 | Long.numberOfTrailingZeros(x)];
        }
    }

    /** The AND over the word's four slots of the part's masks at local ranks loc[field]. */
    static long leafBit(long[] mk, int base, byte[] loc, long p) {
        return mk[base + (loc[(int) p & 0xFFFF] & 0xFF)] & mk[base + (loc[(int) (p >>> 16) & 0xFFFF] & 0xFF)]
                & mk[base + (loc[(int) (p >>> 32) & 0xFFFF] & 0xFF)] & mk[base + (loc[(int) (p >>> 48)] & 0xFF)];
    }

    /**
     * Heap walk of the top levels, node = 2 node + 1 + (field > threshold), until node leaves the
     * walk's slots; the part is the slot reached. Written as a while loop on purpose: a counted loop
     * would get safepoint strip-mining set up for every row. One word: every field shift is below 64.
     */
    private static int part(int[] top, long packed) {
        int node = 0;
        while (node < top.length) {
            int w = top[node];
            node = 2 * node + (((int) (packed >>> (w & 63)) & 0xFFFF) > w >>> 7 ? 2 : 1);
        }
        return node - top.length;
    }

    /**
     * acc plus every tree's path length for one packed row, in tree order. The row-major table puts
     * the block's trees side by side for each field, so the row reads four short runs of bytes.
     */
    double addPathLengths(long p, double acc) {
        int n = trees.length;
        int r0 = ((int) p & 0xFFFF) * n;
        int r1 = ((int) (p >>> 16) & 0xFFFF) * n;
        int r2 = ((int) (p >>> 32) & 0xFFFF) * n;
        int r3 = ((int) (p >>> 48)) * n;
        byte[] loc = rowMajor;
        for (int t = 0; t < n; t++) {
            LeafMasks tree = trees[t];
            int part = part(tree.top, p);
            int base = part * tree.stride;
            long[] mk = tree.masks;
            long x = mk[base + (loc[r0 + t] & 0xFF)] & mk[base + (loc[r1 + t] & 0xFF)]
                    & mk[base + (loc[r2 + t] & 0xFF)] & mk[base + (loc[r3 + t] & 0xFF)];
            acc += tree.values[part << 6 | Long.numberOfTrailingZeros(x)];
        }
        return acc;
    }
}

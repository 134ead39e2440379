package dev.riskplatform.core.forest.layout;

import dev.riskplatform.core.forest.tree.IsolationTree;
import java.util.Arrays;

/**
 * One tree compiled for {@link MaskForest}. A row reaches leaf L iff, for every feature f, x_f lies
 * in L's interval on f (the splits on f along L's path). So, per feature, the tree's own thresholds
 * cut the axis into K_f + 1 intervals, numbered by the local rank lr = #{tree thresholds on f < x_f},
 * and each interval has a bitmask of the leaves it is consistent with; the leaf reached is the one
 * bit of the AND over the features. No walk, no chain of dependent loads.
 *
 * <p>A mask is one long, so a tree is first cut into parts of at most 64 leaves: the subtrees at
 * depth {@code levels}, chosen by a short heap-ordered walk of the top levels (none or one level for
 * most trees of ψ = 256). Masks are stored as {@code masks[part * stride + offset(f) + lr]}, leaf
 * values (depth + c(n), as in the explicit tree) as {@code values[part * 64 + bit]}.
 */
final class LeafMasks {

    /** Most levels walked before the masks; beyond, a tree would need too many parts. */
    static final int MAX_LEVELS = 4;
    /** A top-walk node that always goes left: a packed rank field never exceeds 0xFFFF. */
    private static final int ALWAYS_LEFT = 0xFFFF << 7;

    final int levels;
    final int stride;      // sum over slots of (K_f + 1): the mask entries of one part
    final int[] top;       // heap slots of the top walk: (field threshold << 7) | 16 f (word f / 4, bit 16 (f mod 4))
    final long[] masks;
    final double[] values;
    private final int[] offset;   // per slot: where its masks start inside a part
    private final int[][] local;  // per slot: the tree's distinct thresholds as indexes into the block's keys
    private final int[] nodeKey;  // per internal node: its threshold's index into the block's keys

    private LeafMasks(int levels, int[] offset, int stride, int[][] local, int[] nodeKey) {
        this.levels = levels;
        this.offset = offset;
        this.stride = stride;
        this.local = local;
        this.nodeKey = nodeKey;
        this.top = new int[(1 << levels) - 1];
        this.masks = new long[(1 << levels) * stride];
        this.values = new double[(1 << levels) * 64];
    }

    /**
     * Compiles a tree against its block's sorted split keys, or returns null when it does not fit
     * the layout: more than 256 mask entries per part (the local-rank tables hold bytes), or parts
     * of at most 64 leaves need more than {@link #MAX_LEVELS} levels.
     *
     * @param keys  per slot, the block's distinct split keys in ascending order
     * @param slotP the block's padded key count per slot (a packed rank field is f * slotP + R)
     */
    static LeafMasks compile(IsolationTree tree, int[][] keys, int slotP) {
        int[] nodeKey = new int[tree.nodeCount()];
        for (int n = 0; n < nodeKey.length; n++) {
            if (!tree.isLeaf(n)) nodeKey[n] = Arrays.binarySearch(keys[tree.feature(n)], TreeBlock.splitKey(tree.split(n)));
        }
        int[][] local = new int[keys.length][];
        int[] offset = new int[keys.length];
        int stride = 0;
        for (int f = 0; f < keys.length; f++) {
            int slot = f;
            local[f] = java.util.stream.IntStream.range(0, nodeKey.length)
                    .filter(n -> !tree.isLeaf(n) && tree.feature(n) == slot)
                    .map(n -> nodeKey[n]).distinct().sorted().toArray();
            offset[f] = stride;
            stride += local[f].length + 1;
        }
        int levels = levelsFor(tree);
        if (stride > 256 || levels < 0) return null;
        LeafMasks m = new LeafMasks(levels, offset, stride, local, nodeKey);
        m.place(tree, slotP, 0, 0, 0);
        return m;
    }

    /**
     * Writes this tree's local-rank column for slot f: {@code dst[at + R * step] = offset(f) + lr(R)}
     * for every global rank R in [0, slotP), lr(R) = #{the tree's thresholds with index < R}.
     */
    void writeLocal(int f, int slotP, byte[] dst, int at, int step) {
        int[] idx = local[f];
        int lr = 0;
        for (int r = 0; r < slotP; r++) {
            while (lr < idx.length && idx[lr] < r) lr++;
            dst[at + r * step] = (byte) (offset[f] + lr);
        }
    }

    /** Fewest top levels after which every part has at most 64 leaves; -1 if over MAX_LEVELS. */
    private static int levelsFor(IsolationTree tree) {
        for (int s = 0; s <= MAX_LEVELS; s++) {
            if (maxLeavesAtDepth(tree, 0, 0, s) <= 64) return s;
        }
        return -1;
    }

    private static int maxLeavesAtDepth(IsolationTree tree, int n, int depth, int s) {
        if (depth == s || tree.isLeaf(n)) return leafCount(tree, n);
        return Math.max(maxLeavesAtDepth(tree, tree.left(n), depth + 1, s),
                maxLeavesAtDepth(tree, tree.right(n), depth + 1, s));
    }

    private static int leafCount(IsolationTree tree, int n) {
        return tree.isLeaf(n) ? 1 : leafCount(tree, tree.left(n)) + leafCount(tree, tree.right(n));
    }

    /**
     * Fills heap slot p (at {@code depth}) from explicit node n. A leaf above the part level is
     * padded: its walk node always goes left and the parts beneath it are that leaf alone.
     */
    private void place(IsolationTree tree, int slotP, int n, int p, int depth) {
        if (depth == levels) {
            int[] lo = new int[local.length];
            int[] hi = new int[local.length];
            for (int f = 0; f < local.length; f++) hi[f] = local[f].length;
            fillPart(tree, n, p - top.length, lo, hi, new int[1]);
            return;
        }
        boolean leaf = tree.isLeaf(n);
        // right iff R_f > j, i.e. iff the packed field f * slotP + R_f exceeds f * slotP + j
        top[p] = leaf ? ALWAYS_LEFT : (tree.feature(n) * slotP + nodeKey[n]) << 7 | 16 * tree.feature(n);
        place(tree, slotP, leaf ? n : tree.left(n), 2 * p + 1, depth + 1);
        place(tree, slotP, leaf ? n : tree.right(n), 2 * p + 2, depth + 1);
    }

    /**
     * Depth-first through a part, narrowing each feature's interval of local ranks [lo, hi]: at a
     * split on f with local threshold index i a row goes left iff lr <= i (x <= threshold_i iff
     * fewer than i + 1 of the tree's thresholds lie below x). Leaf number {@code next[0]} gets its
     * bit in every mask of its interval on every feature.
     */
    private void fillPart(IsolationTree tree, int n, int part, int[] lo, int[] hi, int[] next) {
        if (tree.isLeaf(n)) {
            int bit = next[0]++;
            values[part * 64 + bit] = tree.value(n);
            for (int f = 0; f < local.length; f++) {
                for (int lr = lo[f]; lr <= hi[f]; lr++) masks[part * stride + offset[f] + lr] |= 1L << bit;
            }
            return;
        }
        int f = tree.feature(n);
        int i = Arrays.binarySearch(local[f], nodeKey[n]);
        int savedLo = lo[f];
        int savedHi = hi[f];
        hi[f] = Math.min(savedHi, i);
        fillPart(tree, tree.left(n), part, lo, hi, next);
        hi[f] = savedHi;
        lo[f] = Math.max(savedLo, i + 1);
        fillPart(tree, tree.right(n), part, lo, hi, next);
        lo[f] = savedLo;
    }
}

package dev.riskplatform.core.forest.layout;

import dev.riskplatform.core.forest.tree.IsolationTree;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The scoring layout of an {@code IsolationForest}: trees as leaf bitmasks ({@link LeafMasks})
 * in blocks that share their split keys ({@link TreeBlock}). Scoring a row is: find its rank among
 * each feature slot's split keys once per block (one binary search a slot), then, per tree, one
 * byte load and one mask load a slot, their AND and a trailing-zero count. A block has 4 slots
 * (models of 1-4 features, one packed word a row), 6 (5-6 features) or 8 (7-8 features, both two
 * words). Every tree's work is independent of the others', where a walk is a chain of eight
 * dependent loads.
 *
 * <p>Path lengths are added tree by tree in forest order, as the explicit walk adds them, so every
 * score is bit-identical to {@code IsolationTree}'s (tested on splits, ±0, NaN and subnormals).
 * Batches go a chunk of rows at a time, tree by tree, so a tree's tables stay in L1 while the chunk
 * passes; a single row reads the row-major tables.
 */
public final class MaskForest {

    /** Rows per chunk: their packed ranks (16 or 32 KB) and sums (16 KB) stay in L1/L2 across the trees. */
    static final int CHUNK = 2048;
    /** A block closes before any slot reaches this many distinct keys (rank tables ≤ 8 KB per tree). */
    static final int MAX_KEYS_PER_BLOCK = 2048;

    private final int d;
    private final int slots;
    private final int words;  // packed words a row: ceil(slots / 4)
    private final TreeBlock[] blocks;

    private MaskForest(int d, int slots, TreeBlock[] blocks) {
        this.d = d;
        this.slots = slots;
        this.words = (slots + 3) / 4;
        this.blocks = blocks;
    }

    /** The layout of a forest of at most 8 features, or null when a tree does not fit it. */
    public static MaskForest compile(List<IsolationTree> trees, int d) {
        int slots = TreeBlock.slotsFor(d);
        if (slots < 0) return null;
        List<TreeBlock> blocks = new ArrayList<>();
        for (List<IsolationTree> group : groups(trees, slots)) {
            TreeBlock b = TreeBlock.compile(group, slots);
            if (b == null) return null;
            blocks.add(b);
        }
        return new MaskForest(d, slots, blocks.toArray(new TreeBlock[0]));
    }

    /** Consecutive trees, cut before a slot would reach MAX_KEYS_PER_BLOCK distinct split keys. */
    private static List<List<IsolationTree>> groups(List<IsolationTree> trees, int slots) {
        List<List<IsolationTree>> out = new ArrayList<>();
        List<IsolationTree> group = new ArrayList<>();
        List<Set<Integer>> keys = new ArrayList<>();
        for (IsolationTree t : trees) {
            int[][] own = new int[slots][];
            for (int f = 0; f < own.length; f++) own[f] = TreeBlock.distinctKeys(List.of(t), f);
            if (group.isEmpty() || !fits(keys, own)) {
                if (!group.isEmpty()) out.add(group);
                group = new ArrayList<>();
                keys = new ArrayList<>();
                for (int f = 0; f < own.length; f++) keys.add(new HashSet<>());
            }
            for (int f = 0; f < own.length; f++) for (int k : own[f]) keys.get(f).add(k);
            group.add(t);
        }
        if (!group.isEmpty()) out.add(group);
        return out;
    }

    private static boolean fits(List<Set<Integer>> keys, int[][] own) {
        for (int f = 0; f < own.length; f++) {
            int added = 0;
            for (int k : own[f]) if (!keys.get(f).contains(k)) added++;
            if (keys.get(f).size() + added >= MAX_KEYS_PER_BLOCK) return false;
        }
        return true;
    }

    /** For tests and diagnostics: how many blocks, their feature slots, and the most top levels any tree walks. */
    int blockCount() {
        return blocks.length;
    }

    int slots() {
        return slots;
    }

    int deepestWalk() {
        int most = 0;
        for (TreeBlock b : blocks) most = Math.max(most, b.deepestWalk());
        return most;
    }

    /** Sum over trees of the path lengths of one row. */
    public double pathSum(double[] row) {
        double acc = 0;
        if (words == 1) {
            for (TreeBlock b : blocks) acc = b.addPathLengths(b.packedRanks(row, 0, d, 0), acc);
        } else {
            for (TreeBlock b : blocks) {
                acc = WideKernels.addPathLengths(b, b.packedRanks(row, 0, d, 0), b.packedRanks(row, 0, d, 1), acc);
            }
        }
        return acc;
    }

    /** Path-length sums of n row-major rows into out[0..n), trees added in order 0..T-1. */
    public void pathSums(double[] rows, int n, double[] out) {
        long[] packed = new long[Math.min(CHUNK, n) * words];
        for (int c0 = 0; c0 < n; c0 += CHUNK) {
            int m = Math.min(CHUNK, n - c0);
            Arrays.fill(out, c0, c0 + m, 0.0);
            for (TreeBlock b : blocks) {
                for (int r = 0; r < m; r++) {
                    for (int w = 0; w < words; w++) packed[r * words + w] = b.packedRanks(rows, (c0 + r) * d, d, w);
                }
                b.addPathLengths(packed, m, out, c0);
            }
        }
    }
}

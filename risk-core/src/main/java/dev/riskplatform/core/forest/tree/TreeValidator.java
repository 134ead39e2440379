package dev.riskplatform.core.forest.tree;

/**
 * Structural checks for a tree read from outside (an artifact, a converted sklearn model).
 * Forward-only child links plus "every node except the root is referenced exactly once"
 * make the graph a tree rooted at node 0: no cycles, no orphans, no shared subtrees.
 */
final class TreeValidator {

    private TreeValidator() {
    }

    static void validate(IsolationTree t, int featureCount) {
        int n = t.nodeCount();
        if (n == 0) throw new IllegalArgumentException("tree has no nodes");
        int[] refs = new int[n];
        for (int i = 0; i < n; i++) {
            if (t.samples(i) < 1) fail(i, "samples must be >= 1, got " + t.samples(i));
            if (t.isLeaf(i)) {
                checkLeaf(t, i);
            } else {
                checkSplit(t, i, n, featureCount);
                refs[t.left(i)]++;
                refs[t.right(i)]++;
            }
        }
        for (int i = 1; i < n; i++) {
            if (refs[i] != 1) fail(i, "is referenced " + refs[i] + " times, expected exactly once");
        }
    }

    private static void checkLeaf(IsolationTree t, int i) {
        if (t.left(i) != -1 || t.right(i) != -1) fail(i, "leaf must have children -1");
        double v = t.value(i);
        if (!Double.isFinite(v) || v < 0) fail(i, "leaf value must be finite and >= 0, got " + v);
    }

    private static void checkSplit(IsolationTree t, int i, int n, int featureCount) {
        int f = t.feature(i);
        if (f < 0 || f >= featureCount) fail(i, "feature index " + f + " out of range [0, " + featureCount + ")");
        if (!Float.isFinite(t.split(i))) fail(i, "split value must be finite, got " + t.split(i));
        int l = t.left(i);
        int r = t.right(i);
        if (l <= i || l >= n || r <= i || r >= n || l == r) {
            fail(i, "children (" + l + ", " + r + ") must be distinct and in (" + i + ", " + n + ")");
        }
        if (t.samples(l) + t.samples(r) != t.samples(i)) fail(i, "children samples do not add up");
    }

    private static void fail(int node, String why) {
        throw new IllegalArgumentException("node " + node + ": " + why);
    }
}

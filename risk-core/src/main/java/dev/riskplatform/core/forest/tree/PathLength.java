package dev.riskplatform.core.forest.tree;

/** The path-length arithmetic of Liu, Ting and Zhou (2008), as scikit-learn computes it. */
public final class PathLength {

    /** Euler-Mascheroni constant, numpy's {@code np.euler_gamma}. */
    static final double EULER_GAMMA = 0.5772156649015329;

    private PathLength() {
    }

    /**
     * Average path length of an unsuccessful search in a binary search tree of n points:
     * c(n) = 2(ln(n-1) + γ) - 2(n-1)/n, with c(2) = 1 and c(n ≤ 1) = 0
     * (sklearn {@code _average_path_length}).
     */
    public static double average(long n) {
        if (n <= 1) return 0.0;
        if (n == 2) return 1.0;
        return 2.0 * (Math.log(n - 1.0) + EULER_GAMMA) - 2.0 * (n - 1.0) / n;
    }

    /** Leaf value h = depth + c(n_samples_in_leaf): the unbuilt subtree's expected extra depth. */
    public static double leafValue(int depth, long samplesInLeaf) {
        return depth + average(samplesInLeaf);
    }

    /** Max depth ceil(log2 ψ) (sklearn: {@code ceil(log2(max(max_samples, 2)))}). */
    public static int maxDepth(int maxSamples) {
        int psi = Math.max(maxSamples, 2);
        return 32 - Integer.numberOfLeadingZeros(psi - 1);
    }

    /** Rounds down to float32: for a float x, {@code x <= t} iff {@code x <= roundDown(t)}. */
    public static float roundDownToFloat(double t) {
        float f = (float) t;
        return f > t ? Math.nextDown(f) : f;
    }
}

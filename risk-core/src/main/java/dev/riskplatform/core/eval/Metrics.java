package dev.riskplatform.core.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/** Ranking metrics of an anomaly score against 0/1 labels (higher score = more anomalous), as scikit-learn defines them. */
public final class Metrics {

    private Metrics() {
    }

    /**
     * ROC AUC by the rank-sum (Mann-Whitney) identity, tied scores getting their average rank:
     * AUC = (Σ ranks of positives − P(P+1)/2) / (P · N).
     */
    public static double rocAuc(double[] scores, boolean[] labels) {
        Integer[] order = ascending(scores);
        double rankSumPos = 0;
        long pos = 0;
        for (int i = 0; i < order.length; ) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) j++;
            double avgRank = (i + j) / 2.0 + 1; // ranks are 1-based
            for (int k = i; k <= j; k++) if (labels[order[k]]) { rankSumPos += avgRank; pos++; }
            i = j + 1;
        }
        long neg = scores.length - pos;
        requireBothClasses(pos, neg);
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /**
     * Average precision (sklearn's, no interpolation): AP = Σ_n (R_n − R_{n−1}) · P_n over the
     * distinct score thresholds from the highest down, tied scores entering together.
     */
    public static double averagePrecision(double[] scores, boolean[] labels) {
        Integer[] order = ascending(scores);
        long totalPos = IntStream.range(0, labels.length).filter(i -> labels[i]).count();
        requireBothClasses(totalPos, labels.length - totalPos);
        double ap = 0;
        long tp = 0, seen = 0;
        for (int i = order.length - 1; i >= 0; ) {
            int j = i;
            while (j - 1 >= 0 && scores[order[j - 1]] == scores[order[i]]) j--;
            long newTp = 0;
            for (int k = j; k <= i; k++) if (labels[order[k]]) newTp++;
            seen += i - j + 1;
            tp += newTp;
            ap += (double) newTp / totalPos * ((double) tp / seen);
            i = j - 1;
        }
        return ap;
    }

    /** Fraction of positives among the k highest scores (ties broken by lower index). */
    public static double precisionAtK(double[] scores, boolean[] labels, int k) {
        Integer[] idx = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -scores[i]).thenComparingInt(i -> i));
        int hits = 0;
        for (int i = 0; i < Math.min(k, idx.length); i++) if (labels[idx[i]]) hits++;
        return (double) hits / k;
    }

    private static Integer[] ascending(double[] scores) {
        for (double s : scores) if (Double.isNaN(s)) throw new IllegalArgumentException("scores must not be NaN");
        Integer[] idx = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(idx, Comparator.comparingDouble(i -> scores[i]));
        return idx;
    }

    private static void requireBothClasses(long pos, long neg) {
        if (pos == 0 || neg == 0) throw new IllegalArgumentException("need positive and negative labels, got " + pos + " and " + neg);
    }
}

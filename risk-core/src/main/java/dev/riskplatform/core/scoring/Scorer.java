package dev.riskplatform.core.scoring;

/**
 * An anomaly scorer over fixed-width feature rows. Higher scores mean more anomalous.
 * Implementations are immutable and safe to share between threads; the Isolation Forest
 * implements it today and the autoencoder's forward pass will implement it next.
 */
public interface Scorer {

    /** Number of features a row must have. */
    int featureCount();

    /** Scores one row of {@link #featureCount()} values. */
    double score(double[] row);

    /**
     * Scores {@code rowCount} rows stored row-major in {@code rows}
     * ({@code rows[r * featureCount() + f]}) into {@code out[0..rowCount)}.
     */
    void score(double[] rows, int rowCount, double[] out);
}

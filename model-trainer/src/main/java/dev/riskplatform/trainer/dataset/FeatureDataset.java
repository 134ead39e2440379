package dev.riskplatform.trainer.dataset;

import dev.riskplatform.core.features.FeatureMatrix;

/**
 * An immutable feature dataset in S3.
 *
 * @param key         {@code features/spec=<spec-id>/symbol=S/interval=I/<content-sha256>/data.parquet}
 * @param contentHash SHA-256 of the request and of every input object (see {@link DatasetKeys#contentHash})
 * @param matrix      the rows, in time order
 * @param reused      true when an identical request had already written it
 */
public record FeatureDataset(String key, String contentHash, FeatureMatrix matrix, boolean reused) {
}

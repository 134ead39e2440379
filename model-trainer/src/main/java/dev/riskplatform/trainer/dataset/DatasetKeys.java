package dev.riskplatform.trainer.dataset;

import dev.riskplatform.io.Sha256;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Where a feature dataset lives and what identifies it. */
final class DatasetKeys {

    /** Bump when the dataset file layout changes (not the features: those are the spec version). */
    static final int LAYOUT_VERSION = 1;

    private DatasetKeys() {
    }

    /**
     * SHA-256 over a canonical text: layout version, spec id, interval, symbol, date range, then one
     * line "key sha256" per input object in key order. Same request on the same bytes = same hash;
     * any re-written raw file, or any other window, gives a new dataset.
     */
    static String contentHash(DatasetRequest r, List<String> inputs) {
        StringBuilder s = new StringBuilder()
                .append("layout=").append(LAYOUT_VERSION).append('\n')
                .append("spec=").append(r.specId()).append('\n')
                .append("interval=").append(r.spec().interval().code()).append('\n')
                .append("symbol=").append(r.symbol()).append('\n')
                .append("from=").append(r.from()).append('\n')
                .append("to=").append(r.to()).append('\n');
        inputs.forEach(i -> s.append(i).append('\n'));
        return Sha256.hex(s.toString().getBytes(StandardCharsets.UTF_8));
    }

    static String key(DatasetRequest r, String hash) {
        return "features/spec=" + r.specId() + "/symbol=" + r.symbol() + "/interval=" + r.spec().interval().code()
                + "/" + hash + "/data.parquet";
    }
}

package dev.riskplatform.batch.input;

import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one partition the way docs/storage.md says: only the files its {@code _manifest.json}
 * names, each checked against its size and SHA-256. A partition without a manifest (older
 * writers) is read from a full paginated listing of its Parquet files and reported as such.
 */
@ApplicationScoped
public class PartitionReader {

    private final ObjectStore store;

    public PartitionReader(ObjectStore store) {
        this.store = store;
    }

    /** The files of the partition, or an empty result ({@code found = false}) when it holds none. */
    public PartitionFiles read(String prefix) {
        Optional<byte[]> manifest = store.get(PartitionKeys.manifest(prefix));
        List<byte[]> files = new ArrayList<>();
        if (manifest.isPresent()) {
            for (Manifest.Entry e : Manifest.parse(manifest.get()).files()) {
                byte[] bytes = store.get(e.key()).orElseThrow(() -> new IllegalStateException(
                        "manifest of " + prefix + " names " + e.key() + " which does not exist"));
                files.add(e.verify(bytes));
            }
            return new PartitionFiles(prefix, files, true);
        }
        store.list(prefix).stream().filter(o -> o.key().endsWith(".parquet"))
                .forEach(o -> files.add(store.get(o.key()).orElseThrow()));
        return new PartitionFiles(prefix, files, false);
    }

    /** {@code manifested}: read through a manifest; false means listed (no manifest) or absent. */
    public record PartitionFiles(String prefix, List<byte[]> files, boolean manifested) {
        public boolean found() {
            return manifested || !files.isEmpty();
        }
    }
}

package dev.riskplatform.batch.input;

import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Reads one partition the way docs/storage.md says: only the files its {@code _manifest.json}
 * names, each checked against its size and SHA-256. A partition without a manifest (older
 * writers) is read from a full paginated listing of its Parquet files and reported as such.
 * Files are fetched in parallel (a day can be 1,440 small objects) and returned in manifest/key order.
 */
@ApplicationScoped
public class PartitionReader {

    private static final int PARALLEL_GETS = 8;
    private final ObjectStore store;
    private final ExecutorService pool = Executors.newFixedThreadPool(PARALLEL_GETS, r -> {
        Thread t = new Thread(r, "partition-reader");
        t.setDaemon(true);
        return t;
    });

    public PartitionReader(ObjectStore store) {
        this.store = store;
    }

    /** The files of the partition, or an empty result ({@code found = false}) when it holds none. */
    public PartitionFiles read(String prefix) {
        Optional<byte[]> manifest = store.get(PartitionKeys.manifest(prefix));
        List<String> keys = new ArrayList<>();
        List<Supplier<byte[]>> gets = new ArrayList<>();
        if (manifest.isPresent()) {
            for (Manifest.Entry e : Manifest.parse(manifest.get()).files()) {
                keys.add(e.key());
                gets.add(() -> e.verify(store.get(e.key()).orElseThrow(() -> new IllegalStateException(
                        "manifest of " + prefix + " names " + e.key() + " which does not exist"))));
            }
            return new PartitionFiles(prefix, keys, fetch(gets), true);
        }
        store.list(prefix).stream().map(o -> o.key()).filter(k -> k.endsWith(".parquet")).forEach(k -> {
            keys.add(k);
            gets.add(() -> store.get(k).orElseThrow(() -> new IllegalStateException(k + " vanished while reading")));
        });
        return new PartitionFiles(prefix, keys, fetch(gets), false);
    }

    private List<byte[]> fetch(List<Supplier<byte[]>> gets) {
        return StorageTasks.all(pool, gets);
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }

    /** {@code files[i]} is the object {@code keys[i]}; {@code manifested}: read through a manifest, false means listed (no manifest) or absent. */
    public record PartitionFiles(String prefix, List<String> keys, List<byte[]> files, boolean manifested) {
        public boolean found() {
            return manifested || !files.isEmpty();
        }
    }
}

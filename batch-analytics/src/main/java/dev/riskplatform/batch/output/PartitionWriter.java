package dev.riskplatform.batch.output;

import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.Sha256;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Replaces a partition as a whole (docs/storage.md), crash-safe at every step:
 * <ol>
 *   <li>PUT the data files under content-addressed names {@code part-<sha256[0..16]>.parquet}: a new
 *       version never overwrites a file the current manifest names (identical bytes keep their name);</li>
 *   <li>PUT {@code _manifest.json} in one request: readers switch from the old day to the new one
 *       atomically; a crash before this leaves the old manifest, i.e. the old complete day;</li>
 *   <li>delete the files no manifest names (a crash here leaves only unreferenced garbage, removed by
 *       the next run).</li>
 * </ol>
 */
@ApplicationScoped
public class PartitionWriter {

    private static final String PARQUET = "application/vnd.apache.parquet";
    private final ObjectStore store;

    public PartitionWriter(ObjectStore store) {
        this.store = store;
    }

    public Manifest replace(String prefix, List<byte[]> files) {
        Manifest manifest = write(prefix, files);
        deleteUnreferenced(prefix, manifest);
        return manifest;
    }

    /**
     * Steps 1 and 2 alone, for a prefix that never holds files other than those its manifest names: a
     * content-addressed run prefix {@code .../run=R/} ({@link DayOutputs}), whose R hashes the very bytes of the
     * files written under it, so every attempt at R (a crashed one included) writes the same keys.
     */
    public Manifest write(String prefix, List<byte[]> files) {
        return writeFiles(prefix, files.stream().map(DataFile::of).toList());
    }

    /** As {@link #write}, for files whose SHA-256 the caller already has. */
    public Manifest writeFiles(String prefix, List<DataFile> files) {
        List<Manifest.Entry> entries = writeDataFiles(prefix, files);
        Manifest manifest = Manifest.of(entries, System.currentTimeMillis());
        store.put(PartitionKeys.manifest(prefix), manifest.toJson(), "application/json");
        return manifest;
    }

    /** Step 1 alone (the crash tests stop here). */
    public List<Manifest.Entry> writeDataFiles(String prefix, List<DataFile> files) {
        List<Manifest.Entry> entries = new ArrayList<>();
        for (DataFile f : files) {
            String key = PartitionKeys.part(prefix, f.sha256().substring(0, 16));
            store.put(key, f.bytes(), PARQUET);
            entries.add(new Manifest.Entry(key, f.bytes().length, f.sha256()));
        }
        return entries;
    }

    /** A data file and its SHA-256 (lower-case hex), hashed once: its key, its manifest entry and a run id all use it. */
    public record DataFile(byte[] bytes, String sha256) {
        public static DataFile of(byte[] bytes) {
            return new DataFile(bytes, Sha256.hex(bytes));
        }
    }

    private void deleteUnreferenced(String prefix, Manifest manifest) {
        Set<String> keep = manifest.files().stream().map(Manifest.Entry::key).collect(Collectors.toSet());
        keep.add(PartitionKeys.manifest(prefix));
        store.list(prefix).stream().map(o -> o.key()).filter(k -> !keep.contains(k)).forEach(store::delete);
    }
}

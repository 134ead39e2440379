package dev.riskplatform.batch.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.batch.input.StorageTasks;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.Sha256;
import dev.riskplatform.service.storage.ObjectStore;
import software.amazon.awssdk.services.s3.model.S3Object;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A batch day's outputs (processed rows and daily metrics) switch for readers in <b>one</b> PUT
 * (docs/storage.md "batch outputs"):
 * <ol>
 *   <li>each output is written as a complete partition (data files, then its {@code _manifest.json}) under
 *       the run's own prefix {@code .../date=D/run=<R>/}, {@code R} = SHA-256 of the processed and metrics
 *       bytes (first 16 hex digits), so a re-run with the same result writes the same keys and bytes;</li>
 *   <li>the day's pointer {@code metrics/daily/symbol=S/date=D/_current.json} naming both run prefixes is
 *       replaced with one conditional PUT ({@code If-Match} the ETag the run's listing found before step 1,
 *       {@code If-None-Match: *} when there was none: {@link RunListing}): readers switch from the old run's pair
 *       to the new run's pair at once; a crash before it leaves the old pair, HTTP 412 (another run switched the
 *       day since the listing) fails this day;</li>
 *   <li>every key the run's listing found under the two date prefixes that is neither the pointer nor under the
 *       new run's prefixes is deleted (a crash here, or keys written after the listing, leave unreferenced runs,
 *       removed by the next run of the day).</li>
 * </ol>
 * Readers go through {@link #current} and never list a date prefix for data.
 */
@ApplicationScoped
public class DayOutputs {

    public static final String POINTER = "_current.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    static final int KNOWN_POINTERS = 100_000;

    private final ObjectStore store;
    private final PartitionWriter writer;
    private final StorageTasks tasks;
    /** Pointer versions by key, at most {@link #KNOWN_POINTERS} (least recently used out): ~200 bytes each. */
    private final Map<String, KnownPointer> knownPointers = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, KnownPointer> eldest) {
            return size() > KNOWN_POINTERS;
        }
    });

    public DayOutputs(ObjectStore store, PartitionWriter writer, StorageTasks tasks) {
        this.store = store;
        this.writer = writer;
        this.tasks = tasks;
    }

    /** The pointer: which run's partitions are the day's outputs. */
    public record Current(int version, String run, String processed, String metrics, long writtenAt) {
    }

    public static String pointerKey(String symbol, LocalDate date) {
        return AnalyticsKeys.metricsPrefix(symbol, date) + POINTER;
    }

    /** The day's current outputs, or empty when the day has none. */
    public Optional<Current> current(String symbol, LocalDate date) {
        return store.get(pointerKey(symbol, date)).map(DayOutputs::parse);
    }

    /**
     * The metrics partition of every day of the symbol that has one, by date, from one paginated listing:
     * the run prefix the day's pointer names, or, for a day written before pointers (no {@code _current.json},
     * a {@code date=D/_manifest.json}), the date prefix itself. The next run of such a day replaces it.
     */
    public Map<LocalDate, String> metricsPartitions(String symbol) {
        return metricsPartitions(symbol, LocalDate.MIN, LocalDate.MAX);
    }

    /** As {@link #metricsPartitions(String)}, days in [from, to] only; their pointers are read in parallel. */
    public Map<LocalDate, String> metricsPartitions(String symbol, LocalDate from, LocalDate to) {
        Map<LocalDate, StoredDay> stored = storedDays(symbol, from, to);
        List<LocalDate> dates = List.copyOf(stored.keySet());
        List<Optional<String>> partitions = tasks.all(dates.stream()
                .<java.util.function.Supplier<Optional<String>>>map(d -> () -> metricsPartition(stored.get(d))).toList());
        Map<LocalDate, String> days = new TreeMap<>();
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            partitions.get(i).ifPresent(p -> days.put(d, p));
        }
        return days;
    }

    /**
     * A day of the symbol's metrics/daily/ as one listing found it: its pointer's key and ETag (null when it has none),
     * and the date prefix of a partition written before pointers (null when there is none).
     */
    public record StoredDay(String pointerKey, String pointerEtag, String prePointerPartition) {
    }

    /** The symbol's stored days in [from, to], by date, from one paginated listing of its metrics/daily/ (no GET). */
    public Map<LocalDate, StoredDay> storedDays(String symbol, LocalDate from, LocalDate to) {
        Map<LocalDate, StoredDay> days = new TreeMap<>();
        String root = AnalyticsKeys.metricsSymbolPrefix(symbol);
        for (S3Object o : store.list(root)) {
            String rest = o.key().substring(root.length());
            if (!rest.startsWith("date=") || rest.indexOf('/') != rest.lastIndexOf('/')) continue; // only date=D/<file>
            LocalDate date = LocalDate.parse(rest.substring("date=".length(), rest.indexOf('/')));
            if (date.isBefore(from) || date.isAfter(to)) continue;
            StoredDay d = days.getOrDefault(date, new StoredDay(null, null, null));
            if (rest.endsWith("/" + POINTER)) {
                days.put(date, new StoredDay(o.key(), o.eTag(), d.prePointerPartition()));
            } else if (rest.endsWith("/" + PartitionKeys.MANIFEST)) {
                String partition = o.key().substring(0, o.key().length() - PartitionKeys.MANIFEST.length());
                days.put(date, new StoredDay(d.pointerKey(), d.pointerEtag(), partition));
            }
        }
        return days;
    }

    /**
     * The day's metrics partition: the one its pointer names (a pointer wins over a pre-pointer partition), else the
     * pre-pointer partition, else empty. A pointer whose listed ETag is the one this process last wrote or read at
     * its key is taken from {@link #knownPointers} without a GET: an ETag names one version of an object.
     */
    public Optional<String> metricsPartition(StoredDay day) {
        Optional<Current> pointer = Optional.empty();
        if (day.pointerKey() != null) {
            KnownPointer known = knownPointers.get(day.pointerKey());
            pointer = known != null && known.etag().equals(day.pointerEtag()) ? Optional.of(known.current())
                    : store.getVersioned(day.pointerKey()).map(v -> know(day.pointerKey(), v.etag(), parse(v.bytes())));
        }
        return pointer.map(Current::metrics).or(() -> Optional.ofNullable(day.prePointerPartition()));
    }

    /** A pointer version this process wrote or read: its ETag then and what it said. */
    private record KnownPointer(String etag, Current current) {
    }

    private Current know(String key, String etag, Current current) {
        if (etag != null) knownPointers.put(key, new KnownPointer(etag, current));
        return current;
    }

    /**
     * The symbol's output keys of the days [from, to] and their pointers' ETags, from one listing of its metrics/daily/
     * prefix and one of its processed/ prefix: what {@link #publish(RunListing, String, BarInterval, LocalDate, byte[], byte[])}
     * expects and deletes. Taken before the run writes anything.
     */
    public RunListing listRun(String symbol, BarInterval interval, LocalDate from, LocalDate to) {
        RunListing.Builder listing = new RunListing.Builder();
        String processed = AnalyticsKeys.processedPrefix(symbol, interval, from);
        for (String root : List.of(AnalyticsKeys.metricsSymbolPrefix(symbol), processed.substring(0, processed.lastIndexOf("date=")))) {
            for (S3Object o : store.list(root)) {
                String rest = o.key().substring(root.length());
                if (!rest.startsWith("date=") || rest.indexOf('/') < 0) continue;
                LocalDate date = LocalDate.parse(rest.substring("date=".length(), rest.indexOf('/')));
                if (date.isBefore(from) || date.isAfter(to)) continue;
                listing.add(date, o.key(), o.key().equals(pointerKey(symbol, date)), o.eTag());
            }
        }
        return listing.build();
    }

    /** The three steps of the class comment for a day alone: its own listing first. */
    public Current publish(String symbol, BarInterval interval, LocalDate date, byte[] processed, byte[] metrics) {
        return publish(listRun(symbol, interval, date, date), symbol, interval, date, processed, metrics);
    }

    /** The three steps of the class comment, the pointer's ETag and the keys to delete from the run's listing. */
    public Current publish(RunListing listing, String symbol, BarInterval interval, LocalDate date, byte[] processed, byte[] metrics) {
        String key = pointerKey(symbol, date);
        String etag = listing.pointerEtag(date).orElse(null); // read before step 1: a switch by another run since fails ours
        Current next = writeRun(symbol, interval, date, processed, metrics);
        byte[] json;
        try {
            json = JSON.writeValueAsBytes(next);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Optional<String> written = store.replace(key, etag, json, "application/json");
        if (written.isEmpty()) {
            throw new IllegalStateException("another run switched " + symbol + " " + date + " meanwhile: " + key + " changed from "
                    + (etag == null ? "absent" : "ETag " + etag) + " to " + current(symbol, date).map(Current::toString).orElse("absent"));
        }
        know(key, written.get(), next);
        deleteOtherRuns(listing.keys(date), key, next);
        return next;
    }

    /**
     * Step 1 alone (the crash tests stop here): both partitions of the run, not yet visible to readers. No listing
     * and no delete inside the run prefixes ({@link PartitionWriter#write}): R hashes the SHA-256 of both files, and
     * each file's key is its own SHA-256, so every attempt at R, a killed one included, PUTs exactly the keys this one
     * does (a PUT lands whole or not at all) and the run prefix never holds a file its manifest does not name.
     */
    public Current writeRun(String symbol, BarInterval interval, LocalDate date, byte[] processed, byte[] metrics) {
        PartitionWriter.DataFile pf = PartitionWriter.DataFile.of(processed), mf = PartitionWriter.DataFile.of(metrics);
        String run = Sha256.hex(concat(pf.sha256(), mf.sha256())).substring(0, 16);
        String p = runPrefix(AnalyticsKeys.processedPrefix(symbol, interval, date), run);
        String m = runPrefix(AnalyticsKeys.metricsPrefix(symbol, date), run);
        writer.writeFiles(p, List.of(pf));
        writer.writeFiles(m, List.of(mf));
        return new Current(1, run, p, m, System.currentTimeMillis());
    }

    /** Step 3: the listed keys of the day that are neither the pointer nor under the run now current. */
    private void deleteOtherRuns(List<String> listed, String pointer, Current keep) {
        listed.stream().filter(k -> !k.equals(pointer) && !k.startsWith(keep.processed()) && !k.startsWith(keep.metrics()))
                .forEach(store::delete);
    }

    static String runPrefix(String datePrefix, String run) {
        if (!run.matches("[0-9a-f]{16}")) throw new IllegalArgumentException("bad run id " + run);
        return datePrefix + "run=" + run + "/";
    }

    private static byte[] concat(String a, String b) {
        return (a + b).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    static Current parse(byte[] json) {
        try {
            Current c = JSON.readValue(json, Current.class);
            if (c.version() != 1) throw new IllegalArgumentException("unsupported pointer version " + c.version());
            return c;
        } catch (IOException e) {
            throw new IllegalArgumentException("not a day pointer: " + e.getMessage(), e);
        }
    }
}

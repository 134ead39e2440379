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

    private final ObjectStore store;
    private final PartitionWriter writer;
    private final StorageTasks tasks;

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
        Map<LocalDate, String> days = new TreeMap<>();
        Map<LocalDate, String> pointers = new TreeMap<>();
        String root = AnalyticsKeys.metricsSymbolPrefix(symbol);
        for (String k : store.list(root).stream().map(o -> o.key()).toList()) {
            String rest = k.substring(root.length());
            if (!rest.startsWith("date=") || rest.indexOf('/') != rest.lastIndexOf('/')) continue; // only date=D/<file>
            LocalDate date = LocalDate.parse(rest.substring("date=".length(), rest.indexOf('/')));
            if (date.isBefore(from) || date.isAfter(to)) continue;
            if (rest.endsWith("/" + POINTER)) {
                pointers.put(date, k);
            } else if (rest.endsWith("/" + PartitionKeys.MANIFEST)) {
                days.put(date, k.substring(0, k.length() - PartitionKeys.MANIFEST.length()));
            }
        }
        List<LocalDate> dates = List.copyOf(pointers.keySet());
        List<Optional<Current>> current = tasks.all(dates.stream()
                .<java.util.function.Supplier<Optional<Current>>>map(d -> () -> store.get(pointers.get(d)).map(DayOutputs::parse)).toList());
        for (int i = 0; i < dates.size(); i++) {
            LocalDate d = dates.get(i);
            current.get(i).ifPresent(c -> days.put(d, c.metrics())); // a pointer wins over a pre-pointer partition
        }
        return days;
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
        if (store.replace(key, etag, json, "application/json").isEmpty()) {
            throw new IllegalStateException("another run switched " + symbol + " " + date + " meanwhile: " + key + " changed from "
                    + (etag == null ? "absent" : "ETag " + etag) + " to " + current(symbol, date).map(Current::toString).orElse("absent"));
        }
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
        String run = Sha256.hex(concat(Sha256.hex(processed), Sha256.hex(metrics))).substring(0, 16);
        String p = runPrefix(AnalyticsKeys.processedPrefix(symbol, interval, date), run);
        String m = runPrefix(AnalyticsKeys.metricsPrefix(symbol, date), run);
        writer.write(p, List.of(processed));
        writer.write(m, List.of(metrics));
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

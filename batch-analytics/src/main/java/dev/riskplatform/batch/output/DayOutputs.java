package dev.riskplatform.batch.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.batch.input.StorageTasks;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.Sha256;
import dev.riskplatform.service.storage.ObjectStore;
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
 *       replaced with one conditional PUT ({@code If-Match} the ETag read before step 1, {@code If-None-Match: *}
 *       when there was none): readers switch from the old run's pair to the new run's pair at once; a crash
 *       before it leaves the old pair, HTTP 412 (another run switched the day meanwhile) fails this run;</li>
 *   <li>every key under the two date prefixes that is neither the pointer nor under the new run's prefixes
 *       is deleted (a crash here leaves unreferenced runs, removed by the next run of the day).</li>
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

    /** The three steps of the class comment; answers the pointer now current. */
    public Current publish(String symbol, BarInterval interval, LocalDate date, byte[] processed, byte[] metrics) {
        String key = pointerKey(symbol, date);
        String etag = store.etag(key).orElse(null); // read before step 1: a switch by another run meanwhile fails ours
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
        deleteOtherRuns(symbol, interval, date, next);
        return next;
    }

    /** Step 1 alone (the crash tests stop here): both partitions of the run, not yet visible to readers. */
    public Current writeRun(String symbol, BarInterval interval, LocalDate date, byte[] processed, byte[] metrics) {
        String run = Sha256.hex(concat(Sha256.hex(processed), Sha256.hex(metrics))).substring(0, 16);
        String p = runPrefix(AnalyticsKeys.processedPrefix(symbol, interval, date), run);
        String m = runPrefix(AnalyticsKeys.metricsPrefix(symbol, date), run);
        writer.replace(p, List.of(processed));
        writer.replace(m, List.of(metrics));
        return new Current(1, run, p, m, System.currentTimeMillis());
    }

    private void deleteOtherRuns(String symbol, BarInterval interval, LocalDate date, Current keep) {
        String pointer = pointerKey(symbol, date);
        for (String root : List.of(AnalyticsKeys.processedPrefix(symbol, interval, date), AnalyticsKeys.metricsPrefix(symbol, date))) {
            store.list(root).stream().map(o -> o.key())
                    .filter(k -> !k.equals(pointer) && !k.startsWith(keep.processed()) && !k.startsWith(keep.metrics()))
                    .forEach(store::delete);
        }
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

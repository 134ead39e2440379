package dev.riskplatform.batch.metrics;

import dev.riskplatform.batch.input.PartitionReader;
import dev.riskplatform.batch.input.StorageTasks;
import dev.riskplatform.batch.output.DayOutputs;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.io.DailyMetricsParquet;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * A symbol's stored metrics/daily/ rows, read through the days' pointers ({@link DayOutputs}). The rows of a
 * run partition ({@code date=D/run=R/}) are cached by prefix: R is the hash of the run's files, so a run prefix's
 * rows never change (a re-run with another result writes another R). A pre-pointer partition ({@code date=D/}
 * alone) is read every time. Each batch run of a symbol starts with {@link #forgetCached}, so a run reads (and checks
 * against the manifests) every partition of its symbol it uses once: a file damaged in S3 since fails the run's day, as without the cache.
 * The cache holds at most {@link #CACHED_PARTITIONS} partitions, least recently used out.
 */
@ApplicationScoped
public class MetricsHistory {

    /** ~1 KB a row: a few tens of MB, a year of a few hundred symbols. */
    static final int CACHED_PARTITIONS = 50_000;

    private final DayOutputs outputs;
    private final PartitionReader reader;
    private final StorageTasks tasks;
    private final DailyMetricsParquet codec = new DailyMetricsParquet();
    private final Map<String, List<DailyRiskMetrics>> runs = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, List<DailyRiskMetrics>> eldest) {
            return size() > CACHED_PARTITIONS;
        }
    });

    public MetricsHistory(DayOutputs outputs, PartitionReader reader, StorageTasks tasks) {
        this.outputs = outputs;
        this.reader = reader;
        this.tasks = tasks;
    }

    /** Drops the symbol's cached rows: its next reads go to S3 again (other symbols' runs keep theirs). */
    public void forgetCached(String symbol) {
        String folder = AnalyticsKeys.metricsSymbolPrefix(symbol);
        synchronized (runs) {
            runs.keySet().removeIf(prefix -> prefix.startsWith(folder));
        }
    }

    /** Every stored row of the symbol, by date (one listing, then the partitions). */
    public TreeMap<LocalDate, DailyRiskMetrics> rows(String symbol) {
        return rows(symbol, LocalDate.MIN, LocalDate.MAX);
    }

    /** The stored rows of the symbol's days in [from, to], by date; pointers and partitions read in parallel. */
    public TreeMap<LocalDate, DailyRiskMetrics> rows(String symbol, LocalDate from, LocalDate to) {
        List<String> prefixes = List.copyOf(outputs.metricsPartitions(symbol, from, to).values());
        TreeMap<LocalDate, DailyRiskMetrics> rows = new TreeMap<>();
        tasks.all(prefixes.stream().<Supplier<List<DailyRiskMetrics>>>map(p -> () -> partition(p)).toList())
                .forEach(partition -> partition.forEach(m -> rows.put(m.date(), m)));
        return rows;
    }

    /** The metrics partition of each stored day, by date ({@link DayOutputs#metricsPartitions}). */
    public Map<LocalDate, String> partitions(String symbol) {
        return outputs.metricsPartitions(symbol);
    }

    /** The metrics partition of each stored day in [from, to], by date. */
    public Map<LocalDate, String> partitions(String symbol, LocalDate from, LocalDate to) {
        return outputs.metricsPartitions(symbol, from, to);
    }

    /** The symbol's stored days in [from, to] from one listing, pointers not read yet ({@link DayOutputs#storedDays}). */
    public Map<LocalDate, DayOutputs.StoredDay> storedDays(String symbol, LocalDate from, LocalDate to) {
        return outputs.storedDays(symbol, from, to);
    }

    /** The rows of a stored day ({@link DayOutputs#metricsPartition}: its pointer read unless known), empty when it has none. */
    public List<DailyRiskMetrics> storedRows(DayOutputs.StoredDay day) {
        return outputs.metricsPartition(day).map(this::partition).orElse(List.of());
    }

    /** Runs independent reads (e.g. {@link #partition} of many days) in parallel; results in task order. */
    public <T> List<T> inParallel(List<Supplier<T>> reads) {
        return tasks.all(reads);
    }

    /** Rows this process just wrote to the run partition {@code prefix} (immutable: R is their hash), cached as read. */
    public void remember(String prefix, List<DailyRiskMetrics> rows) {
        if (prefix.contains("/run=")) runs.put(prefix, List.copyOf(rows));
    }

    /** The rows of one metrics partition. */
    public List<DailyRiskMetrics> partition(String prefix) {
        boolean immutable = prefix.contains("/run=");
        List<DailyRiskMetrics> cached = immutable ? runs.get(prefix) : null;
        if (cached != null) return cached;
        List<DailyRiskMetrics> read = new ArrayList<>();
        reader.read(prefix).files().forEach(f -> read.addAll(codec.read(f)));
        List<DailyRiskMetrics> rows = List.copyOf(read);
        if (immutable) runs.put(prefix, rows);
        return rows;
    }
}

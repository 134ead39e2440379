package dev.riskplatform.ingestor.storage;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.ParquetCodec;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.Sha256;
import dev.riskplatform.io.TradeBuffer;
import dev.riskplatform.io.TradeParquet;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * Writes one raw/ partition by the docs/storage.md rule: put the data file (named by its content
 * hash), then the manifest, then delete files it no longer names. Same input → same bytes → same
 * key and manifest: re-running is idempotent.
 *
 * <p>Manifests are replaced conditionally (If-Match the ETag read, If-None-Match when there was
 * none): a writer that changed the partition in between is read and merged again, never overwritten.
 */
@ApplicationScoped
public class PartitionWriter {

    private static final String PARQUET = "application/vnd.apache.parquet", JSON = "application/json";
    /** Manifest replaced by another writer between our read and our write this many times in a row: give up (retried later). */
    private static final int MAX_ATTEMPTS = 5;
    private final ObjectStore store;
    private final BarParquet bars = new BarParquet();
    private final TradeParquet trades = new TradeParquet();

    public PartitionWriter(ObjectStore store) {
        this.store = store;
    }

    /** What a partition holds after our write: its manifest's ETag, its one data file and rows, in key order. */
    public record Written<T>(String manifestEtag, String dataKey, List<T> rows) {
    }

    /** Bars of one symbol × interval × UTC day; a bar with the same open time replaces the stored one. */
    public String writeBars(String symbol, BarInterval interval, LocalDate date, Collection<Bar> add) {
        return replaceBars(symbol, interval, date, add, null).dataKey();
    }

    /**
     * {@link #writeBars}, given what our previous write of the partition left ({@code last}, or null):
     * then the partition is not read back, unless another writer replaced the manifest since.
     */
    public Written<Bar> replaceBars(String symbol, BarInterval interval, LocalDate date, Collection<Bar> add, Written<Bar> last) {
        return replace(PartitionKeys.barsPrefix(symbol, interval, date), bars, Bar::openTime, add, last);
    }

    /** Trades of one symbol × UTC day, deduplicated by trade id. */
    public String writeTrades(String symbol, LocalDate date, Collection<Trade> add) {
        return replace(PartitionKeys.tradesPrefix(symbol, date), trades, Trade::tradeId, add, null).dataKey();
    }

    /**
     * Adds one more trades file to the partition (the live archive flushes every few seconds;
     * rewriting the whole day each time would grow quadratically). Redelivered batches give the
     * same content-named file; readers deduplicate by trade id across files.
     */
    public String appendTrades(String symbol, LocalDate date, TradeBuffer add) {
        String prefix = PartitionKeys.tradesPrefix(symbol, date);
        byte[] parquet = trades.write(add);
        String key = putData(prefix, parquet);
        Manifest.Entry entry = Manifest.Entry.of(key, parquet);
        String manifestKey = PartitionKeys.manifest(prefix);
        for (int attempt = 1; ; attempt++) {
            Optional<ObjectStore.Versioned> current = store.getVersioned(manifestKey);
            long now = System.currentTimeMillis();
            Manifest next = current.map(v -> Manifest.parse(v.bytes()).with(entry, now)).orElse(Manifest.of(List.of(entry), now));
            if (store.replace(manifestKey, current.map(ObjectStore.Versioned::etag).orElse(null), next.toJson(), JSON).isPresent()) return key;
            giveUpAfter(attempt, manifestKey);
        }
    }

    /** Everything the partition's manifest names, each file verified against it. */
    public <T> List<T> readAll(String prefix, Function<byte[], List<T>> codec) {
        return manifest(prefix).map(m -> read(m, codec)).orElseGet(ArrayList::new);
    }

    public Optional<Manifest> manifest(String prefix) {
        return store.get(PartitionKeys.manifest(prefix)).map(Manifest::parse);
    }

    /** Merges {@code add} into the partition's rows by {@code id} (later wins) and writes them as its one file. */
    private <T> Written<T> replace(String prefix, ParquetCodec<T> codec, ToLongFunction<T> id, Collection<T> add, Written<T> last) {
        String manifestKey = PartitionKeys.manifest(prefix);
        for (int attempt = 1; ; attempt++) {
            Written<T> stored = last != null ? last : read(prefix, codec);
            Map<Long, T> merged = new TreeMap<>();
            stored.rows().forEach(r -> merged.put(id.applyAsLong(r), r));
            add.forEach(r -> merged.put(id.applyAsLong(r), r));
            List<T> rows = List.copyOf(merged.values());
            byte[] parquet = codec.write(rows);
            String key = putData(prefix, parquet);
            Manifest manifest = Manifest.of(List.of(Manifest.Entry.of(key, parquet)), System.currentTimeMillis());
            Optional<String> etag = store.replace(manifestKey, stored.manifestEtag(), manifest.toJson(), JSON);
            if (etag.isPresent()) {
                // Only after the manifest moved on: files it does not name are garbage now.
                if (last == null) deleteUnnamed(prefix, key);
                else if (!last.dataKey().equals(key)) store.delete(last.dataKey());
                return new Written<>(etag.get(), key, rows);
            }
            last = null; // another writer replaced the manifest: read what it wrote and merge again
            giveUpAfter(attempt, manifestKey);
        }
    }

    /** The partition as stored: the manifest's ETag (null when there is none) and the rows of every file it names. */
    private <T> Written<T> read(String prefix, ParquetCodec<T> codec) {
        return store.getVersioned(PartitionKeys.manifest(prefix))
                .map(v -> new Written<>(v.etag(), null, read(Manifest.parse(v.bytes()), codec::read)))
                .orElseGet(() -> new Written<>(null, null, List.of()));
    }

    private <T> List<T> read(Manifest m, Function<byte[], List<T>> codec) {
        List<T> out = new ArrayList<>();
        m.files().forEach(e -> out.addAll(codec.apply(e.verify(store.get(e.key()).orElseThrow(() ->
                new IllegalStateException(e.key() + " is named by the manifest but missing"))))));
        return out;
    }

    private String putData(String prefix, byte[] parquet) {
        String key = PartitionKeys.part(prefix, Sha256.hex(parquet).substring(0, 32));
        store.put(key, parquet, PARQUET);
        return key;
    }

    /** Also the files of writers killed before their manifest: nothing names them either. */
    private void deleteUnnamed(String prefix, String named) {
        store.list(prefix).stream().map(o -> o.key())
                .filter(k -> k.endsWith(".parquet") && !k.equals(named)).forEach(store::delete);
    }

    /** An I/O error, so the archive loop retries the batch later instead of stopping. */
    private static void giveUpAfter(int attempt, String manifestKey) {
        if (attempt >= MAX_ATTEMPTS) {
            throw new UncheckedIOException(new IOException(manifestKey + " was replaced by another writer " + attempt + " times in a row"));
        }
    }
}

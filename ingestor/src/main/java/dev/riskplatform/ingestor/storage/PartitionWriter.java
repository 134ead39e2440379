package dev.riskplatform.ingestor.storage;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.Sha256;
import dev.riskplatform.io.TradeParquet;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Writes one raw/ partition by the docs/storage.md rule: merge with what the manifest names, put
 * ONE data file named by its content hash, replace the manifest, delete files it no longer
 * names. Same input → same bytes → same key and manifest: re-running is idempotent.
 */
@ApplicationScoped
public class PartitionWriter {

    private static final String PARQUET = "application/vnd.apache.parquet";
    private final ObjectStore store;
    private final BarParquet bars = new BarParquet();
    private final TradeParquet trades = new TradeParquet();

    public PartitionWriter(ObjectStore store) {
        this.store = store;
    }

    /** Bars of one symbol × interval × UTC day; a bar with the same open time replaces the stored one. */
    public String writeBars(String symbol, BarInterval interval, LocalDate date, Collection<Bar> add) {
        String prefix = PartitionKeys.barsPrefix(symbol, interval, date);
        Map<Long, Bar> merged = new TreeMap<>();
        readAll(prefix, bars::read).forEach(b -> merged.put(b.openTime(), b));
        add.forEach(b -> merged.put(b.openTime(), b));
        return write(prefix, bars.write(new ArrayList<>(merged.values())));
    }

    /** Trades of one symbol × UTC day, deduplicated by trade id. */
    public String writeTrades(String symbol, LocalDate date, Collection<Trade> add) {
        String prefix = PartitionKeys.tradesPrefix(symbol, date);
        Map<Long, Trade> merged = new TreeMap<>();
        readAll(prefix, trades::read).forEach(t -> merged.put(t.tradeId(), t));
        add.forEach(t -> merged.put(t.tradeId(), t));
        return write(prefix, trades.write(new ArrayList<>(merged.values())));
    }

    /**
     * Adds one more trades file to the partition (the live archive flushes every minute; rewriting
     * the whole day each time would grow quadratically). Redelivered batches give the same
     * content-named file; readers deduplicate by trade id across files.
     */
    public String appendTrades(String symbol, LocalDate date, List<Trade> add) {
        String prefix = PartitionKeys.tradesPrefix(symbol, date);
        byte[] parquet = trades.write(add);
        String key = PartitionKeys.part(prefix, Sha256.hex(parquet).substring(0, 32));
        store.put(key, parquet, PARQUET);
        Manifest.Entry entry = Manifest.Entry.of(key, parquet);
        long now = System.currentTimeMillis();
        Manifest next = manifest(prefix).map(m -> m.with(entry, now)).orElse(Manifest.of(List.of(entry), now));
        store.put(PartitionKeys.manifest(prefix), next.toJson(), "application/json");
        return key;
    }

    /** Everything the partition's manifest names, each file verified against it. */
    public <T> List<T> readAll(String prefix, Function<byte[], List<T>> codec) {
        List<T> out = new ArrayList<>();
        manifest(prefix).ifPresent(m -> m.files().forEach(e ->
                out.addAll(codec.apply(e.verify(store.get(e.key()).orElseThrow(() ->
                        new IllegalStateException(e.key() + " is named by the manifest but missing")))))));
        return out;
    }

    public java.util.Optional<Manifest> manifest(String prefix) {
        return store.get(PartitionKeys.manifest(prefix)).map(Manifest::parse);
    }

    private String write(String prefix, byte[] parquet) {
        String key = PartitionKeys.part(prefix, Sha256.hex(parquet).substring(0, 32));
        store.put(key, parquet, PARQUET);
        Manifest manifest = Manifest.of(List.of(Manifest.Entry.of(key, parquet)), System.currentTimeMillis());
        store.put(PartitionKeys.manifest(prefix), manifest.toJson(), "application/json");
        // Only after the manifest moved on: files it does not name are garbage now.
        store.list(prefix).stream().map(o -> o.key())
                .filter(k -> k.endsWith(".parquet") && !k.equals(key)).forEach(store::delete);
        return key;
    }
}

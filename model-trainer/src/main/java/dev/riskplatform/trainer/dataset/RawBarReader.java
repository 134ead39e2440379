package dev.riskplatform.trainer.dataset;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.ParquetFormatException;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads raw/bars/ partitions (docs/storage.md) for a symbol, interval and UTC days. A partition
 * with a {@code _manifest.json} is read exactly as the manifest names it (size and SHA-256
 * verified); a partition without one (written before manifests existed) is read from all its
 * {@code .parquet} files, with a warning. Every failure names the object and the reason.
 */
@ApplicationScoped
public class RawBarReader {

    private static final Logger LOG = Logger.getLogger(RawBarReader.class);
    private final ObjectStore store;
    private final BarParquet codec = new BarParquet();

    public RawBarReader(ObjectStore store) {
        this.store = store;
    }

    public RawInput read(String symbol, BarInterval interval, LocalDate from, LocalDate to) {
        List<Bar> bars = new ArrayList<>();
        List<String> inputs = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            readPartition(PartitionKeys.barsPrefix(symbol, interval, d), symbol, interval, d, bars, inputs);
        }
        bars.sort(java.util.Comparator.comparingLong(Bar::openTime));
        return BarSeries.contiguous(bars, inputs);
    }

    private void readPartition(String prefix, String symbol, BarInterval interval, LocalDate day, List<Bar> bars, List<String> inputs) {
        List<S3Object> objects = store.list(prefix);
        if (objects.isEmpty()) throw new DatasetException("missing partition s3://" + store.bucket() + "/" + prefix + ": no objects");
        String manifestKey = PartitionKeys.manifest(prefix);
        List<String> keys = objects.stream().map(S3Object::key).toList();
        if (keys.contains(manifestKey)) {
            for (Manifest.Entry e : manifest(manifestKey).files()) decode(e.key(), verified(e), symbol, interval, day, bars, inputs);
        } else {
            List<String> parts = keys.stream().filter(k -> k.endsWith(".parquet")).toList();
            if (parts.isEmpty()) throw new DatasetException("partition s3://" + store.bucket() + "/" + prefix + " has neither a manifest nor Parquet files");
            LOG.warnf("partition %s has no %s: reading its %d Parquet files as listed", prefix, PartitionKeys.MANIFEST, parts.size());
            for (String k : parts) decode(k, fetch(k), symbol, interval, day, bars, inputs);
        }
    }

    private Manifest manifest(String key) {
        try {
            return Manifest.parse(fetch(key));
        } catch (IllegalArgumentException e) {
            throw new DatasetException(key + ": unreadable manifest: " + e.getMessage(), e);
        }
    }

    private byte[] verified(Manifest.Entry e) {
        try {
            return e.verify(fetch(e.key()));
        } catch (IllegalStateException ex) {
            throw new DatasetException(ex.getMessage(), ex);
        }
    }

    private byte[] fetch(String key) {
        return store.get(key).orElseThrow(() -> new DatasetException("s3://" + store.bucket() + "/" + key + " is missing"));
    }

    private void decode(String key, byte[] bytes, String symbol, BarInterval interval, LocalDate day, List<Bar> bars, List<String> inputs) {
        List<Bar> read;
        try {
            read = codec.read(bytes);
        } catch (ParquetFormatException | IllegalArgumentException e) {
            throw new DatasetException(key + ": corrupt bars Parquet: " + e.getMessage(), e);
        }
        for (Bar b : read) {
            if (!b.symbol().equals(symbol) || !b.interval().equals(interval) || !PartitionKeys.utcDate(b.openTime()).equals(day)) {
                throw new DatasetException(key + ": bar " + b.symbol() + " " + b.interval() + " at " + b.openTime()
                        + " does not belong to partition " + symbol + "/" + interval + "/" + day);
            }
        }
        bars.addAll(read);
        inputs.add(key + " " + dev.riskplatform.io.Sha256.hex(bytes));
    }
}

package dev.riskplatform.batch.input;

import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.BarColumnsParquet;
import dev.riskplatform.io.ParquetFormatException;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.RawBarColumns;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import jakarta.annotation.PreDestroy;
import org.jboss.logging.Logger;

/**
 * raw/bars/symbol=S/interval=I/date=D/ → validated day (manifest honoured, listing paginated). Files
 * are decoded column by column (risk-io {@link BarColumnsParquet#readRaw}), unchecked, so invalid rows
 * reach the validator and are counted.
 */
@ApplicationScoped
public class RawBarSource {

    private static final Logger LOG = Logger.getLogger(RawBarSource.class);
    private final PartitionReader reader;
    // Read-ahead of RangeInput; separate from PartitionReader's pool, whose GETs the days wait for.
    private final ExecutorService readAhead = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "raw-read-ahead");
        t.setDaemon(true);
        return t;
    });

    public RawBarSource(PartitionReader reader) {
        this.reader = reader;
    }

    /** Days of [.., last] read once each, {@code readAhead} days ahead (see {@link RangeInput}). */
    public RangeInput range(String symbol, BarInterval interval, LocalDate last, int readAhead) {
        return new RangeInput(this, this.readAhead, symbol, interval, last, readAhead);
    }

    @PreDestroy
    void close() {
        readAhead.shutdownNow();
    }

    public DayInput readDay(String symbol, BarInterval interval, LocalDate date) {
        PartitionReader.PartitionFiles p = reader.read(PartitionKeys.barsPrefix(symbol, interval, date));
        if (p.found() && !p.manifested()) {
            LOG.warnf("%s has no %s: read %d listed Parquet files", p.prefix(), PartitionKeys.MANIFEST, p.files().size());
        }
        List<RawBarColumns> files = new ArrayList<>(p.files().size());
        for (int i = 0; i < p.files().size(); i++) files.add(decode(p.keys().get(i), p.files().get(i)));
        ValidatedDay day = BarValidator.validate(symbol, interval, date, files);
        return new DayInput(day, p.found(), p.manifested(), p.files().size());
    }

    /** A file that is not raw bar Parquet fails the day, naming the object (the message goes to the run report). */
    private static RawBarColumns decode(String key, byte[] file) {
        try {
            return BarColumnsParquet.readRaw(file);
        } catch (ParquetFormatException e) {
            throw new ParquetFormatException(key + ": " + e.getMessage(), e);
        }
    }
}

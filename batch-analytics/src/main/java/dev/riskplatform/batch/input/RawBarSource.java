package dev.riskplatform.batch.input;

import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.PartitionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/** raw/bars/symbol=S/interval=I/date=D/ → validated day (manifest honoured, listing paginated). */
@ApplicationScoped
public class RawBarSource {

    private static final Logger LOG = Logger.getLogger(RawBarSource.class);
    private final PartitionReader reader;
    private final RawBarCodec codec = new RawBarCodec();

    public RawBarSource(PartitionReader reader) {
        this.reader = reader;
    }

    public DayInput readDay(String symbol, BarInterval interval, LocalDate date) {
        PartitionReader.PartitionFiles p = reader.read(PartitionKeys.barsPrefix(symbol, interval, date));
        if (p.found() && !p.manifested()) {
            LOG.warnf("%s has no %s: read %d listed Parquet files", p.prefix(), PartitionKeys.MANIFEST, p.files().size());
        }
        List<RawBar> rows = new ArrayList<>();
        for (byte[] file : p.files()) rows.addAll(codec.read(file));
        ValidatedDay day = BarValidator.validate(symbol, interval, date, rows);
        return new DayInput(day, p.found(), p.manifested(), p.files().size());
    }
}

package dev.riskplatform.ingestor.history;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.BitstampSample;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.PartitionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The bundled 2013 Bitstamp trades (the replay tape, same BTCUSDT mapping) as 1-minute bars in
 * raw/bars/, one partition per UTC day: the history a local platform trains and runs the batch on.
 * Bars come from the detector's own BarBuilder, so training sees exactly what streaming would.
 * Idempotent: PartitionWriter merges by open time and names files by content.
 */
@ApplicationScoped
public class SampleImporter {

    private static final Logger LOG = Logger.getLogger(SampleImporter.class);

    private static final BarInterval ONE_MINUTE = BarInterval.parse("1m");

    public record Result(String symbol, int bars, String from, String to, List<String> files) {}

    private final PartitionWriter writer;

    public SampleImporter(PartitionWriter writer) {
        this.writer = writer;
    }

    public Result importBitstamp(String symbol) {
        List<Bar> bars = BarBuilder.buildAll(symbol, ONE_MINUTE, BarBuilder.DEFAULT_ALLOWED_LATENESS_MS, BitstampSample.trades(symbol));
        TreeMap<LocalDate, List<Bar>> byDay = new TreeMap<>();
        for (Bar b : bars) byDay.computeIfAbsent(PartitionKeys.utcDate(b.openTime()), d -> new ArrayList<>()).add(b);
        List<String> files = new ArrayList<>();
        byDay.forEach((day, dayBars) -> files.add(writer.writeBars(symbol, ONE_MINUTE, day, dayBars)));
        LOG.infof("sample %s: %d 1m bars in %d daily partitions", symbol, bars.size(), files.size());
        return new Result(symbol, bars.size(), byDay.firstKey().toString(), byDay.lastKey().toString(), files);
    }
}

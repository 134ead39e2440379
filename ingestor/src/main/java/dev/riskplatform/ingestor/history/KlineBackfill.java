package dev.riskplatform.ingestor.history;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.ingestor.binance.BinanceConfig;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.PartitionKeys;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/** Klines for symbol × interval × [from, to) from REST into raw/bars/…/date=D/ (one partition per UTC day). */
@ApplicationScoped
public class KlineBackfill {

    private static final Logger LOG = Logger.getLogger(KlineBackfill.class);

    /** {@code missingBars}: intervals inside the range that Binance has no kline for (maintenance, holes). */
    public record Result(int bars, List<String> files, long missingBars) {}

    private final PartitionWriter writer;
    private final URI restUrl;
    private final int weightBudget;

    public KlineBackfill(PartitionWriter writer, BinanceConfig binance, HistoryConfig history) {
        this.writer = writer;
        this.restUrl = binance.restUrl();
        this.weightBudget = history.weightBudget();
    }

    public Result run(String symbol, BarInterval interval, long from, long to) throws InterruptedException {
        return run(new KlinesClient(restUrl, weightBudget), symbol, interval, from, to);
    }

    public Result run(KlinesClient client, String symbol, BarInterval interval, long from, long to) throws InterruptedException {
        Map<LocalDate, List<Bar>> byDay = new TreeMap<>();
        Progress progress = new Progress("klines " + symbol + " " + interval, to - from);
        int count = 0;
        for (long start = interval.openTime(from); start < to; ) {
            List<Bar> page = client.page(symbol, interval, start, to - 1);
            for (Bar b : page) byDay.computeIfAbsent(PartitionKeys.utcDate(b.openTime()), d -> new ArrayList<>()).add(b);
            count += page.size();
            if (page.size() < KlinesClient.PAGE) break;
            start = page.get(page.size() - 1).openTime() + interval.millis();
            progress.report(count, start - from);
        }
        List<String> files = new ArrayList<>();
        byDay.forEach((day, bars) -> files.add(writer.writeBars(symbol, interval, day, bars)));
        long missing = (to - interval.openTime(from) + interval.millis() - 1) / interval.millis() - count;
        if (missing > 0) LOG.warnf("klines %s %s: %d intervals in the range have no kline (exchange holes): not filled", symbol, interval, missing);
        LOG.infof("klines %s %s: %d bars in %d daily partitions", symbol, interval, count, files.size());
        return new Result(count, files, missing);
    }
}

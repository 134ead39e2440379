package dev.riskplatform.batch;

import dev.riskplatform.batch.output.PartitionWriter;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.RawBarColumns;
import dev.riskplatform.service.registry.ModelRegistryStore;
import dev.riskplatform.testsupport.TestModels;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Test data: seeded random-walk raw days and a small real registered model. */
public final class BatchFixtures {

    public static final String MODEL = "batch-test-model";
    public static final BarInterval M1 = BarInterval.parse("1m");
    private static final BarParquet CODEC = new BarParquet();

    private BatchFixtures() {
    }

    /** Registers (once per bucket) a promoted model on the default 1m spec under {@code name}. */
    public static synchronized void ensureModel(ModelRegistryStore registry, String name, FeatureSpec spec) {
        try {
            if (registry.read(name).flatMap(d -> d.promoted()).isPresent()) return;
            byte[] artifact = TestModels.artifact(spec, 25, 3000, 11, ServedScorer.TAIL_BLEND, 3.0 / 1440);
            registry.register(name, artifact, TestModels.entry(name, artifact, spec, true), Map.of());
        } catch (ModelArtifactException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long dayStart(LocalDate date) {
        return date.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** A full day of valid 1-minute bars: a random walk with 0.05 % per-bar volatility from {@code start}. */
    public static List<RawBar> day(String symbol, LocalDate date, long seed, double start) {
        Random rnd = new Random(seed);
        List<RawBar> bars = new ArrayList<>();
        double p = start;
        for (int i = 0; i < 1440; i++) {
            double o = p;
            p *= Math.exp(0.0005 * rnd.nextGaussian());
            bars.add(bar(symbol, dayStart(date) + i * 60_000L, o, Math.max(o, p) * 1.0002, Math.min(o, p) * 0.9998, p));
        }
        return bars;
    }

    public static RawBar bar(String symbol, long open, double o, double h, double l, double c) {
        return new RawBar(symbol, "1m", open, open + 59_999, o, h, l, c, 1.5, 1.5 * c, c, 10, 1, 10, false);
    }

    /** Writes the rows as one Parquet file plus its manifest, as the ingestor does. */
    public static void writeRaw(PartitionWriter writer, String symbol, LocalDate date, List<RawBar> rows) {
        writer.replace(PartitionKeys.barsPrefix(symbol, M1, date), List.of(parquet(rows)));
    }

    /** Through risk-io's writer, as the ingestor writes: the rows must be valid bars. */
    public static byte[] parquet(List<RawBar> rows) {
        return CODEC.write(rows.stream().map(r -> new Bar(r.symbol(), BarInterval.parse(r.interval()), r.openTime(), r.closeTime(),
                r.open(), r.high(), r.low(), r.close(), r.volume(), r.quoteVolume(), r.vwap(), r.tradeCount(),
                r.firstTradeId(), r.lastTradeId(), r.gap())).toList());
    }

    /** The rows as the columns risk-io's raw reader returns, invalid ones included. */
    public static RawBarColumns columns(List<RawBar> rows) {
        int n = rows.size();
        var c = new RawBarColumns(new String[n], new String[n], new long[n], new long[n], new double[n], new double[n],
                new double[n], new double[n], new double[n], new double[n], new double[n], new long[n], new long[n],
                new long[n], new boolean[n]);
        for (int i = 0; i < n; i++) set(c, i, rows.get(i));
        return c;
    }

    private static void set(RawBarColumns c, int i, RawBar r) {
        c.symbol()[i] = r.symbol();
        c.interval()[i] = r.interval();
        c.openTime()[i] = r.openTime();
        c.closeTime()[i] = r.closeTime();
        c.open()[i] = r.open();
        c.high()[i] = r.high();
        c.low()[i] = r.low();
        c.close()[i] = r.close();
        c.volume()[i] = r.volume();
        c.quoteVolume()[i] = r.quoteVolume();
        c.vwap()[i] = r.vwap();
        c.tradeCount()[i] = r.tradeCount();
        c.firstTradeId()[i] = r.firstTradeId();
        c.lastTradeId()[i] = r.lastTradeId();
        c.gap()[i] = r.gap();
    }
}

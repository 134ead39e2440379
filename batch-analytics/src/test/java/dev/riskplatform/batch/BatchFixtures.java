package dev.riskplatform.batch;

import dev.riskplatform.batch.input.RawBar;
import dev.riskplatform.batch.input.RawBarCodec;
import dev.riskplatform.batch.output.PartitionWriter;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.PartitionKeys;
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
    private static final RawBarCodec CODEC = new RawBarCodec();

    private BatchFixtures() {
    }

    /** Registers (once per bucket) a promoted model on the default 1m spec under {@code name}. */
    public static synchronized void ensureModel(ModelRegistryStore registry, String name, FeatureSpec spec) {
        try {
            if (registry.read(name).flatMap(d -> d.promoted()).isPresent()) return;
            byte[] artifact = TestModels.artifact(spec, 25, 3000, 11);
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
        writer.replace(PartitionKeys.barsPrefix(symbol, M1, date), List.of(CODEC.write(rows)));
    }

    public static byte[] parquet(List<RawBar> rows) {
        return CODEC.write(rows);
    }
}

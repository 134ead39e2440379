package dev.riskplatform.trainer;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.service.storage.ObjectStore;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * Raw bars in S3 exactly as the ingestor writes them (docs/storage.md): one partition per UTC
 * day, part files first, then the manifest. Closes follow a seeded random walk (0.05 % per bar)
 * with a jump of ±2 % every {@code jumpEvery} bars.
 */
public final class RawBarsFixture {

    public static final BarInterval M1 = BarInterval.parse("1m");

    private RawBarsFixture() {
    }

    /** A fresh symbol per test, so tests never see each other's data. */
    public static String symbol() {
        return "T" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    public static List<Bar> walk(String symbol, LocalDate day, int bars, long seed, int jumpEvery) {
        return walk(symbol, day, bars, seed, jumpEvery, 0.0005);
    }

    /** As above with {@code sigma} the per-bar volatility of the walk. */
    public static List<Bar> walk(String symbol, LocalDate day, int bars, long seed, int jumpEvery, double sigma) {
        Random r = new Random(seed);
        long t0 = day.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        List<Bar> out = new ArrayList<>(bars);
        double p = 40_000;
        for (int i = 0; i < bars; i++) {
            double prev = p;
            p *= Math.exp(sigma * r.nextGaussian() + (jumpEvery > 0 && i > 0 && i % jumpEvery == 0 ? (r.nextBoolean() ? 0.02 : -0.02) : 0));
            long open = t0 + i * M1.millis();
            out.add(new Bar(symbol, M1, open, open + M1.millis() - 1, prev, Math.max(prev, p), Math.min(prev, p), p,
                    1.0, p, p, 10, i * 10L, i * 10L + 9, false));
        }
        return out;
    }

    /** Writes bars (any days) into their day partitions; with a manifest unless {@code manifest} is false. */
    public static void write(ObjectStore store, List<Bar> bars, boolean manifest) {
        bars.stream().map(b -> PartitionKeys.utcDate(b.openTime())).distinct().forEach(day -> {
            List<Bar> dayBars = bars.stream().filter(b -> PartitionKeys.utcDate(b.openTime()).equals(day)).toList();
            String prefix = PartitionKeys.barsPrefix(dayBars.get(0).symbol(), M1, day);
            String key = PartitionKeys.part(prefix, "0000");
            byte[] bytes = new BarParquet().write(dayBars);
            store.put(key, bytes, "application/vnd.apache.parquet");
            if (manifest) {
                store.put(PartitionKeys.manifest(prefix), Manifest.of(List.of(Manifest.Entry.of(key, bytes)), 0L).toJson(), "application/json");
            }
        });
    }
}

package dev.riskplatform.ingestor.bench;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.archive.ArchiveLoop;
import dev.riskplatform.ingestor.archive.TradeArchiver;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.service.storage.StorageConfig;
import dev.riskplatform.testsupport.S3ProxyServer;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Benchmark harness for the live archiver, not a test (asserts nothing, off unless
 * {@code -Dbench=true}). It pushes market_prices JSON values through the archiver's path as
 * {@code ArchiveLoop} runs it (parse, add, flush when the batch is full) into a real S3 API
 * (S3Proxy, a child process) and reports per trade: CPU of the archiving thread, wall time,
 * CPU of the whole JVM (GC and JIT included), bytes allocated by the thread; and S3 requests per flush.
 *
 * <p>Workload: {@code bench.symbols} symbols round-robin, {@code bench.tradesPerBar} trades per
 * symbol per 1-minute bar (3125: the load test at 100 k trades/s over 32 symbols at event speed
 * 60, a bar a second per symbol), starting at 12:00 UTC of a day whose morning is archived already
 * ({@code bench.seedBars} bars and a trades manifest naming {@code bench.seedFiles} files per symbol:
 * one flush a minute since midnight). The repeats continue one stream into one archiver, as a running
 * service would. Kafka is left out: what is measured is the archiver's own work.
 * The JSON values are made in chunks outside the measured sections.
 *
 * <p>Run: bench/run-archiver-bench.sh
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class ArchiverBench {

    private static final int TRADES = Integer.getInteger("bench.trades", 3_000_000);
    private static final int SYMBOLS = Integer.getInteger("bench.symbols", 32);
    private static final int TRADES_PER_BAR = Integer.getInteger("bench.tradesPerBar", 3125);
    private static final int SEED_BARS = Integer.getInteger("bench.seedBars", 720);
    private static final int SEED_FILES = Integer.getInteger("bench.seedFiles", 720);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 5);
    /** ingestor.archive.batch-size and batch-bytes */
    private static final int BATCH = Integer.getInteger("bench.batch", 1_500_000);
    private static final long BATCH_BYTES = Long.getLong("bench.batchBytes", 48L << 20);
    private static final int CHUNK = 10_000;
    private static final LocalDate DAY = LocalDate.of(2024, 6, 3);
    private static final String BUCKET = "archiver-bench";

    private static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final com.sun.management.ThreadMXBean ALLOC = (com.sun.management.ThreadMXBean) THREADS;
    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    @Test
    void run() throws Exception {
        S3ProxyServer s3 = new S3ProxyServer(S3ProxyServer.locateJar(), Files.createTempDirectory("archiver-bench-").resolve("s3"),
                S3ProxyServer.freePort());
        RequestCounter requests = new RequestCounter();
        s3.start();
        try (S3Client client = s3.client(requests)) {
            s3.createBucket(BUCKET);
            ObjectStore store = new ObjectStore(client, config());
            PartitionWriter writer = new PartitionWriter(store);
            System.out.printf("BENCH archiver: %,d trades per repeat, %d symbols, %d trades per symbol-bar, seeded %d bars and %d "
                    + "trades files per symbol-day, batch %,d trades or %,d bytes; JVM %s; load average %s%n", TRADES, SYMBOLS, TRADES_PER_BAR,
                    SEED_BARS, SEED_FILES, BATCH, BATCH_BYTES, ManagementFactory.getRuntimeMXBean().getInputArguments(), loadAverage());
            String[] symbols = new String[SYMBOLS];
            for (int i = 0; i < SYMBOLS; i++) symbols[i] = "S" + i + "USDT";
            seed(store, writer, symbols);
            // One archiver and one feed for all repeats, as in a running service: repeat 0 starts cold (nothing
            // known about the partitions, the JIT not warm) and is left out of the medians.
            Feed feed = new Feed(symbols);
            TradeArchiver archiver = new TradeArchiver(writer);
            List<Result> results = new ArrayList<>();
            for (int r = 0; r < REPEATS; r++) results.add(repeat(r, feed, archiver, requests));
            report(results.subList(Math.min(1, results.size() - 1), results.size()));
        } finally {
            s3.close();
        }
    }

    private static byte[][] utf8(String[] values) {
        byte[][] out = new byte[values.length][];
        for (int i = 0; i < values.length; i++) out[i] = values[i].getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return out;
    }

    private record Result(double cpuUs, double wallUs, double processCpuUs, double allocBytes, double flushCpuUs,
                          int flushes, double requestsPerFlush, double requestsPer100k, double putMbPerFlush, double gcMs, double heapMb) {
    }

    private Result repeat(int r, Feed feed, TradeArchiver archiver, RequestCounter requests) {
        requests.reset();
        Meter all = new Meter(), flushing = new Meter();
        int flushes = 0;
        for (int done = 0; done < TRADES; done += CHUNK) {
            byte[][] values = utf8(feed.next(Math.min(CHUNK, TRADES - done))); // not measured: records as Kafka hands them over
            all.start();
            for (byte[] v : values) {
                archiver.add(MarketPriceMessage.parse(v).trade()); // ArchiveLoop.addAll
                if (ArchiveLoop.batchFull(archiver, BATCH, BATCH_BYTES)) { // ArchiveLoop.pollOnce
                    flushing.start();
                    flush(archiver);
                    flushing.stop();
                    flushes++;
                }
            }
            all.stop();
        }
        if (archiver.buffered() > 0) { // the last, partial batch, as the flush interval would
            all.start();
            flushing.start();
            flush(archiver);
            flushing.stop();
            all.stop();
            flushes++;
        }
        Map<String, Long> calls = requests.snapshot();
        long total = calls.values().stream().mapToLong(Long::longValue).sum();
        double heapMb = liveHeapMb();
        Result res = new Result(all.cpu / 1e3 / TRADES, all.wall / 1e3 / TRADES, all.processCpu / 1e3 / TRADES,
                (double) all.alloc / TRADES, flushing.cpu / 1e3 / TRADES, flushes, (double) total / flushes,
                total * 100_000.0 / TRADES, requests.putBytes.sum() / 1e6 / flushes, all.gcMs, heapMb);
        System.out.printf("BENCH repeat %d: %.2f us/trade CPU (flush part %.2f), %.2f us/trade wall, %.2f us/trade JVM CPU, "
                        + "%.0f B/trade allocated, %d flushes, %.1f S3 requests/flush %s = %.0f per 100k trades, %.2f MB PUT/flush, GC %.0f ms, "
                        + "live heap after %.1f MB, %d flush retries so far; load average %s%n", r, res.cpuUs, res.flushCpuUs, res.wallUs, res.processCpuUs,
                res.allocBytes, flushes, res.requestsPerFlush, perFlush(calls, flushes), res.requestsPer100k, res.putMbPerFlush, res.gcMs, heapMb, retries, loadAverage());
        return res;
    }

    private int retries;

    /**
     * As ArchiveLoop.flushWithRetry, without the backoff: S3Proxy now and then drops a kept-alive
     * connection ("Unexpected end of file from server"); the flush keeps what it did not write.
     */
    private void flush(TradeArchiver archiver) {
        for (int attempt = 1; ; attempt++) {
            try {
                archiver.flush();
                return;
            } catch (java.io.UncheckedIOException | software.amazon.awssdk.core.exception.SdkException e) {
                if (attempt == 5) throw e;
                retries++;
                System.out.printf("BENCH   flush failed (%s), retrying%n", e);
            }
        }
    }

    /** The morning of the day as an archiver running since midnight left it. */
    private static void seed(ObjectStore store, PartitionWriter writer, String[] symbols) {
        long noon = DAY.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        for (String s : symbols) {
            List<Bar> bars = new ArrayList<>(SEED_BARS);
            for (int i = SEED_BARS; i > 0; i--) {
                long open = noon - i * 60_000L;
                bars.add(new Bar(s, dev.riskplatform.core.market.BarInterval.parse("1m"), open, open + 59_999, 100, 101, 99, 100.5,
                        3, 301, 100.2, TRADES_PER_BAR, i * 10L, i * 10L + 9, false));
            }
            if (!bars.isEmpty()) writer.writeBars(s, dev.riskplatform.core.market.BarInterval.parse("1m"), DAY, bars);
            if (SEED_FILES > 0) seedTradesManifest(store, s, noon);
        }
    }

    /** A manifest naming SEED_FILES earlier files: the archiver appends to it and never reads them. */
    private static void seedTradesManifest(ObjectStore store, String symbol, long noon) {
        String prefix = PartitionKeys.tradesPrefix(symbol, DAY);
        List<Manifest.Entry> files = new ArrayList<>();
        for (int i = 0; i < SEED_FILES; i++) {
            String name = String.format("%032x", (long) symbol.hashCode() * 1_000_003L + i);
            files.add(new Manifest.Entry(PartitionKeys.part(prefix, name), 300_000 + i, String.format("%064x", i)));
        }
        store.put(PartitionKeys.manifest(prefix), Manifest.of(files, noon).toJson(), "application/json");
    }

    /** market_prices values as the ingestor writes them: prices in cents walking, quantities with 8 decimals. */
    private static final class Feed {
        private final String[] symbols;
        private final long[] ids, cents, count;
        private final Random random;
        private final long noon = DAY.atTime(12, 0).toInstant(java.time.ZoneOffset.UTC).toEpochMilli();
        private int next;

        Feed(String[] symbols) {
            this.symbols = symbols;
            this.ids = new long[symbols.length];
            this.cents = new long[symbols.length];
            this.count = new long[symbols.length];
            this.random = new Random(42);
            for (int i = 0; i < symbols.length; i++) {
                ids[i] = 3_000_000_000L + i * 1_000_000_000L;
                cents[i] = 4_200_000 + i * 10_000L;
            }
        }

        String[] next(int n) {
            String[] out = new String[n];
            for (int k = 0; k < n; k++, next = (next + 1) % symbols.length) {
                int i = next;
                cents[i] = Math.max(100, cents[i] + random.nextInt(7) - 3);
                String price = cents[i] / 100 + "." + digits(cents[i] % 100, 2);
                String qty = random.nextInt(3) + "." + digits(1 + random.nextInt(99_999_999), 8);
                long time = noon + count[i]++ * 60_000L / TRADES_PER_BAR;
                Trade t = Trade.parse(symbols[i], ids[i]++, price, qty, time, random.nextBoolean());
                out[k] = MarketPriceMessage.toJson(t, "binance", time + 5);
            }
            return out;
        }

        private static String digits(long v, int width) {
            String s = Long.toString(v);
            return "0".repeat(width - s.length()) + s;
        }
    }

    /** Sums over measured sections: CPU and allocation of this thread, wall, JVM CPU, GC time. */
    private static final class Meter {
        long cpu, alloc, wall, processCpu;
        double gcMs;
        private long cpu0, alloc0, wall0, process0;
        private double gc0;

        void start() {
            cpu0 = THREADS.getCurrentThreadCpuTime();
            alloc0 = ALLOC.getCurrentThreadAllocatedBytes();
            process0 = OS.getProcessCpuTime();
            gc0 = gcMillis();
            wall0 = System.nanoTime();
        }

        void stop() {
            wall += System.nanoTime() - wall0;
            cpu += THREADS.getCurrentThreadCpuTime() - cpu0;
            alloc += ALLOC.getCurrentThreadAllocatedBytes() - alloc0;
            processCpu += OS.getProcessCpuTime() - process0;
            gcMs += gcMillis() - gc0;
        }
    }

    /** Counts S3 API calls by operation and the bytes uploaded; observes only. */
    static final class RequestCounter implements ExecutionInterceptor {
        final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
        final LongAdder putBytes = new LongAdder();

        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            String op = context.request().getClass().getSimpleName().replace("Request", "");
            calls.computeIfAbsent(op, k -> new LongAdder()).increment();
        }

        @Override
        public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
            context.requestBody().flatMap(b -> b.optionalContentLength()).ifPresent(putBytes::add);
        }

        void reset() {
            calls.clear();
            putBytes.reset();
        }

        Map<String, Long> snapshot() {
            Map<String, Long> out = new TreeMap<>();
            calls.forEach((k, v) -> out.put(k, v.sum()));
            return out;
        }

        private static String digits(long v, int width) {
            String s = Long.toString(v);
            return "0".repeat(width - s.length()) + s;
        }
    }

    private static String perFlush(Map<String, Long> calls, int flushes) {
        StringBuilder b = new StringBuilder("(");
        calls.forEach((op, n) -> b.append(b.length() > 1 ? ", " : "").append(op).append(' ').append(String.format("%.1f", (double) n / flushes)));
        return b.append(')').toString();
    }

    private static void report(List<Result> rows) {
        System.out.printf("BENCH MEDIAN of %d (first repeat left out as warm-up): %.2f us/trade CPU (flush part %.2f), %.2f us/trade wall, "
                        + "%.2f us/trade JVM CPU, %.0f B/trade allocated, %.1f S3 requests/flush (%.0f per 100k trades), %.0f flushes, %.2f MB PUT/flush, GC %.0f ms, "
                        + "live heap %.1f MB%n", rows.size(), median(rows, Result::cpuUs), median(rows, Result::flushCpuUs),
                median(rows, Result::wallUs), median(rows, Result::processCpuUs), median(rows, Result::allocBytes),
                median(rows, Result::requestsPerFlush), median(rows, Result::requestsPer100k), median(rows, r -> r.flushes()), median(rows, Result::putMbPerFlush),
                median(rows, Result::gcMs), median(rows, Result::heapMb));
    }

    private static double median(List<Result> rows, java.util.function.ToDoubleFunction<Result> f) {
        double[] s = rows.stream().mapToDouble(f).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static double gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream().mapToLong(GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static double liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1e6;
    }

    private static String loadAverage() {
        try {
            return Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim().substring(0, 14);
        } catch (Exception e) {
            return "?";
        }
    }

    private static StorageConfig config() {
        return StorageConfig.of(BUCKET);
    }
}

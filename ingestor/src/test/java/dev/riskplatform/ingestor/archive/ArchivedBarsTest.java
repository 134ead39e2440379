package dev.riskplatform.ingestor.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.TradeParquet;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.service.storage.StorageConfig;
import dev.riskplatform.testsupport.RealInfrastructure;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The archiver's bar partitions against the real S3 API: a flush merges into what it wrote last
 * without reading it back, and still merges what another writer (backfill, dump import) put in
 * the partition meanwhile.
 */
class ArchivedBarsTest {

    private static final LocalDate DAY = LocalDate.of(2024, 7, 1);
    private static final long TEN_AM = Instant.parse("2024-07-01T10:00:00Z").toEpochMilli();

    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final S3Client client = RealInfrastructure.get().s3().client(new ExecutionInterceptor() {
        @Override
        public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
            count(context.request().getClass().getSimpleName().replace("Request", ""));
        }

        @Override
        public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
            if (context.exception() instanceof S3Exception e && e.statusCode() == 412) count("412");
        }
    });
    private final PartitionWriter writer = new PartitionWriter(new ObjectStore(client, config()));
    private final String symbol = "BAR" + (System.nanoTime() % 1_000_000) + "USDT";
    private final String barsPrefix = PartitionKeys.barsPrefix(symbol, TradeArchiver.ONE_MINUTE, DAY);

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aFlushMergesIntoTheBarsItWroteWithoutReadingThemBack() {
        List<Trade> all = trades(0, 240); // 10:00-10:03
        TradeArchiver archiver = archivedFirstHalf(all);
        assertEquals(1, bars().size(), "10:00 closed by the 10:01 trades");

        calls.clear();
        all.subList(120, 240).forEach(archiver::add);
        archiver.flush();
        // A 412 sends the writer back to S3 (as another writer would): S3Proxy now and then answers a PUT twice
        // (the client retries one whose reply it lost), and the second answer is a 412.
        if (!calls.containsKey("412")) {
            assertEquals(Map.of("PutObject", 4, "GetObject", 1, "DeleteObject", 1), counts(),
                    "trades: file, manifest read and replaced; bars: file, manifest replaced, the old file deleted; nothing listed or read back");
        }
        List<Bar> expected = BarBuilder.buildAll(symbol, TradeArchiver.ONE_MINUTE, BarBuilder.DEFAULT_ALLOWED_LATENESS_MS, all).subList(0, 3);
        assertEquals(expected, bars(), "10:00-10:02 closed, exactly as a builder over all the trades cuts them");
        assertEquals(all, writer.readAll(PartitionKeys.tradesPrefix(symbol, DAY), new TradeParquet()::read));
        assertOneFileNamedAndNoneLeft();
    }

    @Test
    void barsAnotherWriterPutInThePartitionMeanwhileAreMergedNotLost() {
        List<Trade> all = trades(60, 240); // 10:01-10:04
        TradeArchiver archiver = archivedFirstHalf(all);
        Bar backfilled = BarBuilder.buildAll(symbol, TradeArchiver.ONE_MINUTE, 0, trades(0, 30)).get(0); // 10:00, from the klines backfill
        writer.writeBars(symbol, TradeArchiver.ONE_MINUTE, DAY, List.of(backfilled));

        all.subList(120, 240).forEach(archiver::add);
        archiver.flush();
        List<Bar> archived = BarBuilder.buildAll(symbol, TradeArchiver.ONE_MINUTE, BarBuilder.DEFAULT_ALLOWED_LATENESS_MS, all).subList(0, 3);
        List<Bar> expected = new ArrayList<>(List.of(backfilled));
        expected.addAll(archived);
        assertEquals(expected, bars(), "the backfilled 10:00 and the archived 10:01-10:03");
        assertOneFileNamedAndNoneLeft();
    }

    @Test
    void aBatchIsFullByTradesOrByTheBytesItsBuffersHold() {
        TradeArchiver archiver = new TradeArchiver(writer);
        trades(0, 10).forEach(archiver::add);
        assertFalse(ArchiveLoop.batchFull(archiver, 11, Long.MAX_VALUE));
        assertTrue(ArchiveLoop.batchFull(archiver, 10, Long.MAX_VALUE));
        assertTrue(archiver.bufferedBytes() > 0);
        assertTrue(ArchiveLoop.batchFull(archiver, Integer.MAX_VALUE, archiver.bufferedBytes()));
        assertFalse(ArchiveLoop.batchFull(archiver, Integer.MAX_VALUE, archiver.bufferedBytes() + 1));
    }

    private void assertOneFileNamedAndNoneLeft() {
        var named = writer.manifest(barsPrefix).orElseThrow().files();
        assertEquals(1, named.size());
        List<String> parquet = client.listObjectsV2(b -> b.bucket(RealInfrastructure.BUCKET).prefix(barsPrefix)).contents().stream()
                .map(o -> o.key()).filter(k -> k.endsWith(".parquet")).toList();
        assertEquals(List.of(named.get(0).key()), parquet, "files no manifest names are deleted");
    }

    private List<Bar> bars() {
        return writer.readAll(barsPrefix, new BarParquet()::read);
    }

    private void count(String what) {
        calls.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    private Map<String, Integer> counts() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        calls.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** A trade a second from {@code fromSecond} after 10:00. */
    private List<Trade> trades(int fromSecond, int count) {
        List<Trade> out = new ArrayList<>();
        for (int i = fromSecond; i < fromSecond + count; i++) {
            out.add(Trade.parse(symbol, 1_000 + i, "6" + (1000 + i % 97) + ".5", "0.0" + (1 + i % 9), TEN_AM + i * 1_000L, i % 2 == 0));
        }
        return out;
    }

    /** A new archiver that archived the first 120 of {@code all} (two minutes) in one flush. */
    private TradeArchiver archivedFirstHalf(List<Trade> all) {
        TradeArchiver archiver = new TradeArchiver(writer);
        all.subList(0, 120).forEach(archiver::add);
        archiver.flush();
        return archiver;
    }

    private static StorageConfig config() {
        return StorageConfig.of(RealInfrastructure.BUCKET);
    }
}

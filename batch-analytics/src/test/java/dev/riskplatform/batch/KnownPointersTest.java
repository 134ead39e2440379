package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.batch.input.StorageTasks;
import dev.riskplatform.batch.output.DayOutputs;
import dev.riskplatform.batch.output.PartitionWriter;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.service.storage.StorageConfig;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Reading a symbol's metrics partitions GETs only the day pointers whose listed ETag this process has not written or
 * read at that key: its own pointers cost no GET, a pointer another writer switched since is read again.
 */
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class KnownPointersTest extends BatchTestBase {

    private static final String SYMBOL = "KNOWNPTRUSDT";
    private static final LocalDate A = LocalDate.of(2024, 5, 1), B = LocalDate.of(2024, 5, 2);

    @Inject
    S3Client s3;
    @Inject
    StorageConfig config;
    @Inject
    StorageTasks tasks;

    /** The real bucket, counting the GETs of day pointers. */
    static final class CountingStore extends ObjectStore {
        final AtomicInteger pointerGets = new AtomicInteger();

        CountingStore(S3Client s3, StorageConfig config) {
            super(s3, config);
        }

        @Override
        public Optional<Versioned> getVersioned(String key) {
            if (key.endsWith(DayOutputs.POINTER)) pointerGets.incrementAndGet();
            return super.getVersioned(key);
        }

        @Override
        public Optional<byte[]> get(String key) {
            if (key.endsWith(DayOutputs.POINTER)) pointerGets.incrementAndGet();
            return super.get(key);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void ownPointersNeedNoGetAndAChangedOneIsReadAgain() {
        CountingStore counting = new CountingStore(s3, config);
        DayOutputs mine = new DayOutputs(counting, new PartitionWriter(counting), tasks);
        String a = mine.publish(SYMBOL, BatchFixtures.M1, A, bytes("rows a"), bytes("metrics a")).metrics();
        String b = mine.publish(SYMBOL, BatchFixtures.M1, B, bytes("rows b"), bytes("metrics b")).metrics();
        counting.pointerGets.set(0);
        assertEquals(Map.of(A, a, B, b), mine.metricsPartitions(SYMBOL));
        assertEquals(0, counting.pointerGets.get(), "both pointers are this process's own writes");

        String other = outputs.publish(SYMBOL, BatchFixtures.M1, A, bytes("rows c"), bytes("metrics c")).metrics(); // another writer
        assertEquals(Map.of(A, other, B, b), mine.metricsPartitions(SYMBOL));
        assertEquals(1, counting.pointerGets.get(), "only the pointer switched by the other writer is read");
        assertEquals(Map.of(A, other, B, b), mine.metricsPartitions(SYMBOL));
        assertEquals(1, counting.pointerGets.get(), "the version read is known from then on");
    }
}

package dev.riskplatform.batch;

import dev.riskplatform.batch.input.PartitionReader;
import dev.riskplatform.batch.output.DayOutputs;
import dev.riskplatform.batch.output.PartitionWriter;
import dev.riskplatform.batch.run.BatchRunner;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.service.registry.ModelRegistryStore;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;

/** Injection and the registered model shared by the batch's S3/Kafka tests (each uses its own symbol). */
abstract class BatchTestBase {

    @Inject
    ObjectStore store;
    @Inject
    ModelRegistryStore registry;
    @Inject
    PartitionWriter writer;
    @Inject
    PartitionReader reader;
    @Inject
    BatchRunner runner;
    @Inject
    DayOutputs outputs;

    @BeforeEach
    void registerModel() {
        BatchFixtures.ensureModel(registry, BatchFixtures.MODEL, FeatureSpec.defaults());
    }

    /** The day's metrics file as readers see it (docs/storage.md): through the day's pointer. */
    byte[] metricsFile(String symbol, LocalDate date) {
        return onlyFile(current(symbol, date).metrics());
    }

    /** The day's processed file as readers see it (docs/storage.md): through the day's pointer. */
    byte[] processedFile(String symbol, LocalDate date) {
        return onlyFile(current(symbol, date).processed());
    }

    DayOutputs.Current current(String symbol, LocalDate date) {
        return outputs.current(symbol, date).orElseThrow(() -> new AssertionError("no outputs for " + symbol + " " + date));
    }

    /** The bytes of the single data file the partition's manifest names. */
    byte[] onlyFile(String prefix) {
        List<byte[]> files = reader.read(prefix).files();
        if (files.size() != 1) throw new AssertionError(prefix + " has " + files.size() + " files");
        return files.get(0);
    }
}

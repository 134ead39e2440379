package dev.riskplatform.ingestor.archive;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The live archive, prefix {@code ingestor.archive}: market_prices → raw/trades and raw/bars/interval=1m, in its own
 * consumer group. A batch is flushed at {@code batch-size} trades, {@code batch-bytes} of packed buffers (~23 B a trade;
 * long decimal strings make more) or {@code flush-interval}, whichever comes first; a failed write (S3 down, a timeout)
 * retries the same batch from {@code retry-initial} doubling to {@code retry-max} for as long as the service runs, with
 * readiness ("archive") DOWN meanwhile. Sizing in BENCHMARKS.md (ArchiverBench).
 */
@ConfigMapping(prefix = "ingestor.archive")
public interface ArchiveConfig {

    @WithDefault("true")
    boolean enabled();

    @WithDefault("ingestor-archiver")
    String groupId();

    @WithDefault("1500000")
    int batchSize();

    @WithDefault("48M")
    MemorySize batchBytes();

    @WithDefault("60s")
    Duration flushInterval();

    @WithDefault("1s")
    Duration retryInitial();

    @WithDefault("60s")
    Duration retryMax();
}

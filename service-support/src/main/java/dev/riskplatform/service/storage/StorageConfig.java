package dev.riskplatform.service.storage;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Where the platform keeps its objects (see docs/storage.md). */
@ConfigMapping(prefix = "risk.storage")
public interface StorageConfig {

    /** The one bucket holding raw/, features/, models/, processed/ and metrics/. */
    String bucket();

    /** How long the readiness probe waits for S3 before calling it down. */
    @WithDefault("2s")
    Duration probeTimeout();

    /** The configuration of {@code bucket} with the default probe timeout, for code outside CDI (benches, tests). */
    static StorageConfig of(String bucket) {
        return new StorageConfig() {
            @Override
            public String bucket() {
                return bucket;
            }

            @Override
            public Duration probeTimeout() {
                return Duration.ofSeconds(2);
            }
        };
    }
}

package dev.riskplatform.service.health;

import dev.riskplatform.service.storage.StorageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import software.amazon.awssdk.services.s3.S3Client;

/** Ready only while the platform bucket answers; the reason is in the check's data when it does not. */
@Readiness
@ApplicationScoped
public class S3ReadinessCheck implements HealthCheck {

    private final S3Client s3;
    private final StorageConfig config;

    public S3ReadinessCheck(S3Client s3, StorageConfig config) {
        this.s3 = s3;
        this.config = config;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("s3").withData("bucket", config.bucket());
        try {
            // The SDK retries for a long time by default; the probe must answer quickly.
            CompletableFuture.runAsync(() -> s3.headBucket(b -> b.bucket(config.bucket())))
                    .get(config.probeTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return builder.up().build();
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return builder.down().withData("reason", String.valueOf(cause.getMessage() != null ? cause.getMessage() : cause)).build();
        }
    }
}

package dev.riskplatform.ingestor.health;

import dev.riskplatform.ingestor.archive.ArchiveStartup;
import dev.riskplatform.ingestor.archive.ArchiveStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * DOWN while the trade archive cannot write (it retries the same batch until S3 takes it) or its
 * loop has stopped; the reason says since when and why. UP when disabled by config.
 */
@Readiness
@ApplicationScoped
public class ArchiveReadinessCheck implements HealthCheck {

    private final ArchiveStartup archive;

    public ArchiveReadinessCheck(ArchiveStartup archive) {
        this.archive = archive;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("archive").withData("enabled", archive.enabled());
        if (!archive.enabled()) return builder.up().build();
        ArchiveStatus.Snapshot s = archive.status().snapshot();
        builder.withData("consecutive-failures", s.consecutiveFailures()).withData("loop-alive", archive.loopAlive());
        if (s.lastWrite() != null) builder.withData("last-write", s.lastWrite().toString());
        return switch (s.state()) {
            case FAILING -> {
                long retryIn = (Math.max(0, Duration.between(Instant.now(), s.nextRetry()).toMillis()) + 999) / 1000; // rounded up
                yield builder.down().withData("reason", "archive: S3 write failing since " + s.failingSince() + ": " + s.error()
                        + ", retry in " + retryIn + " s").build();
            }
            case STOPPED -> builder.down().withData("reason", "archive: loop stopped at " + s.failingSince() + ": " + s.error()
                    + "; nothing is archived until the ingestor restarts").build();
            case RUNNING -> builder.up().build();
        };
    }
}

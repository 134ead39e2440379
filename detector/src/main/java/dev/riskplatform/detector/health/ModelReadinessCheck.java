package dev.riskplatform.detector.health;

import dev.riskplatform.detector.model.ActiveModel;
import dev.riskplatform.detector.model.ModelManager;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** DOWN with the reason until a verified model serves; then UP with its version, age and the last refusal. */
@Readiness
@ApplicationScoped
public class ModelReadinessCheck implements HealthCheck {

    private final ModelManager models;

    public ModelReadinessCheck(ModelManager models) {
        this.models = models;
    }

    @Override
    public HealthCheckResponse call() {
        var builder = HealthCheckResponse.named("model");
        ActiveModel m = models.active().orElse(null);
        if (m == null) return builder.down().withData("reason", models.lastProblem()).build();
        return builder.up()
                .withData("model", m.scoring().name())
                .withData("version", m.version())
                .withData("interval", m.scoring().spec().interval().code())
                .withData("ageSeconds", Duration.between(m.loadedAt(), Instant.now()).toSeconds())
                .withData("rejectedModels", (long) models.rejectedCount())
                .withData("lastProblem", models.lastProblem())
                .build();
    }
}

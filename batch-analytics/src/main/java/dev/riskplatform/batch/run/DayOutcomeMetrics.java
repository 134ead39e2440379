package dev.riskplatform.batch.run;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code batch_day_runs_total{status}}: (symbol, day) runs by outcome, {@code complete}, {@code missing-input} or
 * {@code error} (the status names of batch_runs). Every status is present at 0 from the start, so the alert rule
 * BatchDayFailed ({@code increase(...{status="error"}[...])}) sees the first failure; created at start-up, so
 * the series are there before the first run.
 */
@Startup
@ApplicationScoped
public class DayOutcomeMetrics {

    private final Map<DayReport.Status, Counter> days = new EnumMap<>(DayReport.Status.class);

    public DayOutcomeMetrics(MeterRegistry meters) {
        for (DayReport.Status s : DayReport.Status.values()) {
            days.put(s, Counter.builder("batch.day.runs").description("Days run by the batch, by outcome (status as on batch_runs)")
                    .tag("status", s.name().toLowerCase().replace('_', '-')).register(meters));
        }
    }

    void day(DayReport r) {
        days.get(r.status()).increment();
    }
}

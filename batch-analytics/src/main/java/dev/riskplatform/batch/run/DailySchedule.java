package dev.riskplatform.batch.run;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/** The daily run: the previous UTC day for every configured symbol, on {@code batch.cron} ("off" disables). */
@ApplicationScoped
public class DailySchedule {

    private final BatchRunner runner;
    private final BatchConfig config;

    public DailySchedule(BatchRunner runner, BatchConfig config) {
        this.runner = runner;
        this.config = config;
    }

    @Scheduled(cron = "${batch.cron}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void previousDay() {
        LocalDate yesterday = LocalDate.now(Clock.systemUTC()).minusDays(1);
        for (String symbol : config.symbols()) runner.run(symbol, yesterday, yesterday);
    }
}

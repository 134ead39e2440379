package dev.riskplatform.batch.run;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;

/**
 * The daily run: the previous UTC day for the configured symbols ({@code batch.symbols}: a list, {@code ALL} or
 * {@code *QUOTE}), this process's shard of them, on {@code batch.cron} ("off" disables).
 */
@ApplicationScoped
public class DailySchedule {

    private final MarketRun market;
    private final BatchConfig config;

    public DailySchedule(MarketRun market, BatchConfig config) {
        this.market = market;
        this.config = config;
    }

    @Scheduled(cron = "${batch.cron}", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void previousDay() {
        LocalDate yesterday = LocalDate.now(Clock.systemUTC()).minusDays(1);
        RunOnce.runAll(market, config.symbols(), new Shard(config.shardIndex(), config.shards()), yesterday, yesterday);
    }
}

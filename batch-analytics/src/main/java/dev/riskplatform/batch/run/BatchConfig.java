package dev.riskplatform.batch.run;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/** {@code batch.*} in application.properties. */
@ConfigMapping(prefix = "batch")
public interface BatchConfig {

    /** Registry name of the model whose promoted version scores the bars. */
    String model();

    /** Bar interval of raw/bars/ read (Binance code); must equal the model's feature spec interval. */
    @WithDefault("1m")
    String interval();

    /**
     * Symbols of the scheduled daily run and of the one-shot run: a list, {@code ALL} (every symbol with stored bars of
     * the interval) or quote filters such as {@code *USDT} (core.market.SymbolSelection), or a mix.
     */
    List<String> symbols();

    /** Symbols of a market run computed at once (each with its own days in date order). */
    @WithDefault("2")
    int symbolConcurrency();

    /** Shards the scheduled and one-shot runs split the symbols into (a Kubernetes Indexed Job's completions). */
    @WithDefault("1")
    int shards();

    /** This process's shard, 0 ≤ index < shards (an Indexed Job pod's JOB_COMPLETION_INDEX). */
    @WithDefault("0")
    int shardIndex();

    /** Cron of the daily run of the previous UTC day, read by {@link DailySchedule}; "off" disables it. */
    String cron();

    /** One-shot mode for a CronJob/Jenkins: run [from, to] at start-up, then exit with the run's code. */
    @WithDefault("false")
    boolean runOnce();

    /**
     * Raw days fetched ahead of the one being processed in a range run (S3 round trips overlap the work).
     * 16, as measured in bench/run-batch-bench.sh; a raw day of 1m bars is ~50 KB, so memory is not the limit.
     */
    @WithDefault("16")
    int readAheadDays();

    /**
     * Days of a range run whose outputs are written at once, while later days are computed (each write is about
     * ten S3 round trips); also the bound on computed days held in memory (~100 KB each for 1m bars).
     */
    @WithDefault("8")
    int writeConcurrency();

    Optional<String> from();

    Optional<String> to();
}

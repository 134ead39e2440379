package dev.riskplatform.batch.run;

import dev.riskplatform.service.cli.JobArguments;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.CommandLineArguments;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * One-shot mode for a Kubernetes CronJob or Jenkins: {@code -Dbatch.run-once=true -Dbatch.from=D1
 * -Dbatch.to=D2} (default: the previous UTC day) runs the configured symbols ({@code batch.symbols}: a list, {@code ALL}
 * or {@code *QUOTE}) as a {@link MarketRun}, this process's shard of them ({@code batch.shard-index} of
 * {@code batch.shards}: an Indexed Job's {@code JOB_COMPLETION_INDEX}), then exits with {@link MarketReport#exitCode()}
 * (0 complete, 3 some day missing input, 1 error). Container arguments {@code --from=D1 --to=D2} (days, {@code yesterday}
 * or {@code today}) and {@code --shard=i/n} do the same and take precedence: that is the CronJob/Jenkins contract in
 * k8s/ and docs/deploy.md.
 */
@ApplicationScoped
public class RunOnce {

    private static final Logger LOG = Logger.getLogger(RunOnce.class);

    void onStart(@Observes StartupEvent ev, MarketRun market, BatchConfig config, @CommandLineArguments String[] args) {
        if (!config.runOnce() && (args == null || args.length == 0)) return;
        Thread t = new Thread(() -> Quarkus.asyncExit(runAll(market, config, args)), "batch-run-once");
        t.start();
    }

    public static int runAll(MarketRun market, BatchConfig config, String[] args) {
        try {
            Clock utc = Clock.systemUTC();
            JobArguments cli = JobArguments.parse(args, Set.of("from", "to", "shard"));
            LocalDate yesterday = LocalDate.now(utc).minusDays(1);
            LocalDate from = cli.day("from", utc).or(() -> config.from().map(LocalDate::parse)).orElse(yesterday);
            LocalDate to = cli.day("to", utc).or(() -> config.to().map(LocalDate::parse)).orElse(from);
            Shard shard = cli.value("shard").map(Shard::parse).orElseGet(() -> new Shard(config.shardIndex(), config.shards()));
            return runAll(market, config.symbols(), shard, from, to);
        } catch (RuntimeException e) {
            LOG.error("run-once failed", e);
            return 1;
        }
    }

    /** The process exit code over the selection's symbols in the shard: 1 if any run errs, else 3 if any day misses input, else 0. */
    public static int runAll(MarketRun market, List<String> selection, Shard shard, LocalDate from, LocalDate to) {
        try {
            int code = market.run(market.symbols(selection, shard), from, to, shard).exitCode();
            LOG.infof("run-once %s..%s, shard %s finished, exit code %d", from, to, shard, code);
            return code;
        } catch (RuntimeException e) {
            LOG.error("run-once failed", e);
            return 1;
        }
    }
}

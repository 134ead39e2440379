package dev.riskplatform.trainer.cli;

import dev.riskplatform.trainer.training.SymbolOutcomes;
import dev.riskplatform.trainer.training.TrainRequest;
import dev.riskplatform.trainer.training.TrainerConfig;
import dev.riskplatform.trainer.training.TrainingOutcome;
import dev.riskplatform.trainer.training.TrainingService;
import dev.riskplatform.service.cli.JobArguments;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.CommandLineArguments;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The command-line entry for Kubernetes Jobs and Jenkins, without changing how the service starts:
 * {@code java -Dtrainer.run-once=true -Dtrainer.job.symbol=BTCUSDT -Dtrainer.job.from=2024-03-01
 * -Dtrainer.job.to=2024-03-07 -jar quarkus-run.jar} (or env TRAINER_RUN_ONCE, TRAINER_JOB_*) trains
 * once on a worker thread and exits: 0 promoted, 2 stored but not promoted, 1 error. With {@code --symbols=A,B}
 * (or TRAINER_JOB_SYMBOLS; ALL or "*" every symbol with history, *USDT those quoted in USDT) it trains those symbols' own models too.
 */
@ApplicationScoped
public class OneShotTraining {

    private static final Logger LOG = Logger.getLogger(OneShotTraining.class);

    private final TrainingService training;
    private final TrainerConfig config;

    public OneShotTraining(TrainingService training, TrainerConfig config) {
        this.training = training;
        this.config = config;
    }

    void onStart(@Observes StartupEvent ev, @CommandLineArguments String[] args) {
        JobArguments cli;
        try {
            cli = JobArguments.parse(args, Set.of("train", "days", "from", "to", "symbol", "symbols"));
        } catch (IllegalArgumentException e) {
            LOG.errorf("bad arguments: %s", e.getMessage());
            Quarkus.asyncExit(ExitCodes.ERROR);
            return;
        }
        if (!config.runOnce() && !cli.has("train")) return;
        Thread t = new Thread(() -> Quarkus.asyncExit(runJob(cli)), "trainer-run-once");
        t.start();
    }

    TrainRequest configuredRequest() {
        return request(JobArguments.parse(new String[0], Set.of()));
    }

    /**
     * The configured job, overridden by container arguments: {@code --train --days=N} trains on the
     * N whole UTC days before today (the k8s Job template), {@code --from/--to/--symbol} name them.
     */
    TrainRequest request(JobArguments cli) {
        TrainerConfig.Job j = config.job();
        Clock utc = Clock.systemUTC();
        String from = cli.day("from", utc).map(LocalDate::toString)
                .or(() -> cli.positiveInt("days").map(n -> LocalDate.now(utc).minusDays(n).toString()))
                .orElse(j.from().orElse(null));
        String to = cli.day("to", utc).map(LocalDate::toString)
                .or(() -> cli.positiveInt("days").map(n -> LocalDate.now(utc).minusDays(1).toString()))
                .orElse(j.to().orElse(null));
        return TrainRequest.of(cli.value("symbol").orElse(j.symbol().orElse(null)), j.interval(), from, to, j.model());
    }

    /**
     * The default model on {@code symbol} (when one is configured, or when no symbols are), then each of
     * {@code symbols}' own models ({@code --symbols=A,B} or {@code trainer.job.symbols}; ALL, "*" or *QUOTE from the symbols with history).
     */
    int runJob(JobArguments cli) {
        TrainRequest request = request(cli);
        Optional<List<String>> symbols = cli.value("symbols").map(v -> List.of(v.split(","))).or(() -> config.job().symbols());
        int code = request.symbol() != null || symbols.isEmpty() ? run(request) : ExitCodes.PROMOTED;
        if (symbols.isEmpty() || code == ExitCodes.ERROR) return code;
        return ExitCodes.worst(code, runEach(TrainRequest.ofSymbols(symbols.get(), request.interval(), request.from(), request.to())));
    }

    /** Trains each symbol's own model; 0 when all were promoted, 2 when one was refused or not promoted, 1 on an error. */
    public int runEach(TrainRequest request) {
        try {
            SymbolOutcomes o = training.trainEach(request);
            o.trained().forEach(t -> LOG.infof("run-once: %s v%d %s", t.model(), t.version(), t.promoted() ? "promoted" : "not promoted: " + t.reason()));
            o.refused().forEach(r -> LOG.warnf("run-once: %s refused (%s); %s scores it", r.symbol(), r.reason(), r.fallbackModel()));
            boolean all = o.refused().isEmpty() && o.trained().stream().allMatch(TrainingOutcome::promoted);
            return all ? ExitCodes.PROMOTED : ExitCodes.NOT_PROMOTED;
        } catch (Exception e) {
            LOG.errorf(e, "run-once: per-symbol training failed: %s", e.getMessage());
            return ExitCodes.ERROR;
        }
    }

    /** Trains once and returns the exit code; never throws. */
    public int run(TrainRequest request) {
        try {
            TrainingOutcome o = training.train(request);
            LOG.infof("run-once: %s v%d %s", o.model(), o.version(), o.promoted() ? "promoted" : "stored, not promoted: " + o.reason());
            return ExitCodes.of(o);
        } catch (Exception e) {
            LOG.errorf(e, "run-once: training failed: %s", e.getMessage());
            return ExitCodes.ERROR;
        }
    }
}

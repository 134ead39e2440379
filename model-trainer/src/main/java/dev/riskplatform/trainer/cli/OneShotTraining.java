package dev.riskplatform.trainer.cli;

import dev.riskplatform.trainer.training.TrainRequest;
import dev.riskplatform.trainer.training.TrainerConfig;
import dev.riskplatform.trainer.training.TrainingOutcome;
import dev.riskplatform.trainer.training.TrainingService;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The command-line entry for Kubernetes Jobs and Jenkins, without changing how the service starts:
 * {@code java -Dtrainer.run-once=true -Dtrainer.job.symbol=BTCUSDT -Dtrainer.job.from=2024-03-01
 * -Dtrainer.job.to=2024-03-07 -jar quarkus-run.jar} (or env TRAINER_RUN_ONCE, TRAINER_JOB_*) trains
 * once on a worker thread and exits: 0 promoted, 2 stored but not promoted, 1 error.
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

    void onStart(@Observes StartupEvent ev) {
        if (!config.runOnce()) return;
        Thread t = new Thread(() -> Quarkus.asyncExit(run(configuredRequest())), "trainer-run-once");
        t.start();
    }

    TrainRequest configuredRequest() {
        TrainerConfig.Job j = config.job();
        return TrainRequest.of(j.symbol().orElse(null), j.interval(), j.from().orElse(null), j.to().orElse(null), j.model());
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

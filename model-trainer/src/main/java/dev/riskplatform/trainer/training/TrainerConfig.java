package dev.riskplatform.trainer.training;

import dev.riskplatform.core.training.TrainingConfig;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.Optional;

/**
 * {@code trainer.*}: defaults for every training request (POST /train and the one-shot job), and the job itself. The
 * defaults are defined here only, the fitting ones as risk-core {@link TrainingConfig}'s constants (the recipe the
 * evaluation measures); application.properties, {@code -Dtrainer.*} or env {@code TRAINER_*} override them.
 */
@ConfigMapping(prefix = "trainer")
public interface TrainerConfig {

    @WithDefault("" + TrainingConfig.DEFAULT_TREES)
    int trees();

    @WithDefault("" + TrainingConfig.DEFAULT_MAX_SAMPLES)
    int maxSamples();

    @WithDefault("" + TrainingConfig.DEFAULT_SEED)
    long seed();

    /**
     * The operating point: alerts a symbol is expected to raise per day at the threshold (the threshold is
     * the quantile of the served training scores that leaves this many bars a day above it).
     */
    @WithName("alerts-per-day")
    @WithDefault("" + TrainingConfig.DEFAULT_ALERTS_PER_DAY)
    double alertsPerDay();

    /** The served score: {@code tail-blend} (default) or {@code isolation-forest} (docs/evaluation.md). */
    @WithDefault(TrainingConfig.DEFAULT_SCORER)
    String scorer();

    /**
     * A symbol's own model is trained only on enough rows that this many training bars lie above its threshold
     * (rows ≥ this / alert rate: 4,800 one-minute bars at 3 alerts a day); a symbol with less keeps the default.
     */
    @WithName("min-training-alerts")
    @WithDefault("10")
    int minTrainingAlerts();

    /** Validation: the last fraction of rows (in time) is held out of fitting. */
    @WithDefault("" + TrainingConfig.DEFAULT_HOLDOUT_FRACTION)
    double holdoutFraction();

    /** Validation: the holdout's alert count must lie within ×/÷ this of the target (plus a Poisson slack). */
    @WithDefault("" + TrainingConfig.DEFAULT_ALERT_RATE_FACTOR)
    double alertRateFactor();

    @WithDefault("" + TrainingConfig.DEFAULT_MIN_SCORE_SPREAD)
    double minScoreSpread();

    @WithDefault("10")
    int topAnomalies();

    /** Recorded in every artifact (env TRAINER_CODE_VERSION). */
    @WithDefault("dev")
    String codeVersion();

    /** Train once with {@link #job()} at startup, then exit (0 promoted, 2 stored only, 1 error). */
    @WithName("run-once")
    @WithDefault("false")
    boolean runOnce();

    Job job();

    /** {@code trainer.autoencoder.*}: the autoencoder trained beside the forest (card comparison, companion artifact). */
    @WithName("autoencoder")
    AutoencoderSettings autoencoder();

    interface AutoencoderSettings {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("20")
        int epochs();

        /** At most this many training rows (a seeded sample) go into the network. */
        @WithDefault("50000")
        int maxRows();
    }

    /** The one-shot job's request (env e.g. TRAINER_JOB_SYMBOL, TRAINER_JOB_FROM). */
    interface Job {
        Optional<String> symbol();

        @WithDefault("1m")
        String interval();

        Optional<String> from();

        Optional<String> to();

        /** The default (market-wide) model, and the base name of every symbol's own model (risk-core SymbolModels). */
        @WithDefault("btc-iforest")
        String model();

        /** Symbols whose own models the job trains too (a list, ALL or "*" every symbol with history, *USDT those quoted in USDT), e.g. TRAINER_JOB_SYMBOLS. */
        Optional<java.util.List<String>> symbols();
    }
}

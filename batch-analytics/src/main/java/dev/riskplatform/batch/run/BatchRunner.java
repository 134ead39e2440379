package dev.riskplatform.batch.run;

import dev.riskplatform.batch.input.RangeInput;
import dev.riskplatform.batch.input.RawBarSource;
import dev.riskplatform.batch.metrics.BacktestTable;
import dev.riskplatform.batch.metrics.MetricsHistory;
import dev.riskplatform.batch.processing.ModelLoader;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.io.topic.BatchRunMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Runs a symbol over [from, to] day by day, in date order (a day's SMA/EMA and 1-day VaR read the earlier days'
 * metrics). A missing or failing day is reported and the range goes on; the symbol's model (its own, else
 * {@code model}, the default: ModelLoader) is loaded once; raw input is read once per day, a few days ahead
 * ({@link RangeInput}). Then the symbol's VaR backtest table is recomputed over all its stored days
 * ({@link BacktestTable}); a failure there is reported, not thrown.
 */
@ApplicationScoped
public class BatchRunner {

    private static final Logger LOG = Logger.getLogger(BatchRunner.class);
    private final DayJob job;
    private final RawBarSource source;
    private final ModelLoader models;
    private final BatchRunPublisher publisher;
    private final BatchConfig config;
    private final DayOutcomeMetrics outcomes;
    private final BacktestTable backtests;
    private final MetricsHistory history;

    public BatchRunner(DayJob job, RawBarSource source, ModelLoader models, BatchRunPublisher publisher, BatchConfig config,
                       DayOutcomeMetrics outcomes, BacktestTable backtests, MetricsHistory history) {
        this.job = job;
        this.source = source;
        this.models = models;
        this.publisher = publisher;
        this.config = config;
        this.outcomes = outcomes;
        this.backtests = backtests;
        this.history = history;
    }

    public RunReport run(String symbol, LocalDate from, LocalDate to) {
        return run(config.model(), symbol, from, to);
    }

    /**
     * Scores {@code symbol} with its own model under the base name {@code model}, else {@code model} itself.
     * @throws ModelLoader.BatchModelException when the model is missing, unverified or of another interval or spec
     */
    public synchronized RunReport run(String model, String symbol, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new IllegalArgumentException("to " + to + " is before from " + from);
        BarInterval interval = BarInterval.parse(config.interval());
        RegisteredModel m = models.loadFor(model, symbol, interval); // the symbol's own model, else the default
        int total = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        ProgressLog progress = new ProgressLog(total);
        RangeInput inputs = source.range(symbol, interval, to, config.readAheadDays());
        history.forgetCached(); // this run reads (and verifies) every stored day it uses at least once
        List<DayReport> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            DayReport r = runDay(symbol, interval, d, m, inputs);
            outcomes.day(r);
            publish(r);
            days.add(r);
            progress.dayDone(days.size(), r);
        }
        return backtest(symbol, days);
    }

    private RunReport backtest(String symbol, List<DayReport> days) {
        try {
            return new RunReport(symbol, days, backtests.write(symbol), null);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s backtest table not written", symbol);
            return new RunReport(symbol, days, null, e.toString());
        }
    }

    private DayReport runDay(String symbol, BarInterval interval, LocalDate d, RegisteredModel m, RangeInput inputs) {
        try {
            return job.run(symbol, interval, d, m, inputs);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s %s failed", symbol, d);
            return DayReport.error(symbol, d, e);
        }
    }

    private void publish(DayReport r) {
        publisher.publish(r.symbol() + "/" + r.date(), eventJson(r)).await().atMost(Duration.ofSeconds(30));
    }

    /** docs/topics.md batch_runs, plus the day's quality counts and a reason when not complete. */
    static String eventJson(DayReport r) {
        return new BatchRunMessage(r.symbol(), r.date().toString(), r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                r.bars(), r.expectedBars(), r.gaps(), r.duplicates(), r.invalid(), r.processedKey(), r.metricsKey(),
                r.modelVersion() == null ? null : r.modelVersion().longValue(), r.message(), System.currentTimeMillis()).toJson();
    }
}

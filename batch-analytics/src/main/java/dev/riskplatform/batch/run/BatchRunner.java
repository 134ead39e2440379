package dev.riskplatform.batch.run;

import dev.riskplatform.batch.input.RangeInput;
import dev.riskplatform.batch.input.RawBarSource;
import dev.riskplatform.batch.metrics.BacktestTable;
import dev.riskplatform.batch.metrics.CloseHistory;
import dev.riskplatform.batch.metrics.MetricsHistory;
import dev.riskplatform.batch.metrics.RunCloses;
import dev.riskplatform.batch.output.DayOutputs;
import dev.riskplatform.batch.output.RunListing;
import dev.riskplatform.batch.portfolio.PortfolioTable;
import dev.riskplatform.batch.portfolio.Portfolios;
import dev.riskplatform.batch.processing.ModelLoader;
import dev.riskplatform.core.portfolio.Portfolio;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.market.BarInterval;
import jakarta.annotation.PreDestroy;
import dev.riskplatform.io.topic.BatchRunMessage;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Runs a symbol over [from, to]: days are computed one by one in date order (a day's SMA/EMA and 1-day VaR read
 * the earlier days' closes: {@link RunCloses}, read from S3 once per run) while up to {@code batch.write-concurrency}
 * computed days are written ({@link DayJob.Computed#write}); reports, batch_runs events and progress follow date
 * order. A missing or failing day is reported and the range goes on; the symbol's model (its own, else
 * {@code model}, the default: ModelLoader) is loaded once; raw input is read once per day, a few days ahead
 * ({@link RangeInput}). Then the symbol's VaR backtest table is recomputed over all its stored days
 * ({@link BacktestTable}), and the table of every portfolio holding the symbol over all its members' stored days
 * ({@link PortfolioTable}); a failure there is reported, not thrown.
 */
@ApplicationScoped
public class BatchRunner {

    private static final Logger LOG = Logger.getLogger(BatchRunner.class);
    /** batch_runs events sent and not yet acknowledged, at most: within the emitter's buffer. */
    private static final int EVENTS_IN_FLIGHT = 64;
    private final DayJob job;
    private final RawBarSource source;
    private final ModelLoader models;
    private final BatchRunPublisher publisher;
    private final BatchConfig config;
    private final DayOutcomeMetrics outcomes;
    private final BacktestTable backtests;
    private final MetricsHistory history;
    private final CloseHistory closes;
    private final Portfolios portfolios;
    private final PortfolioTable portfolioTable;
    private final DayOutputs outputs;
    private final ExecutorService writes;
    private final Map<String, Object> symbolLocks = new java.util.concurrent.ConcurrentHashMap<>();

    public BatchRunner(DayJob job, RawBarSource source, ModelLoader models, BatchRunPublisher publisher, BatchConfig config,
                       DayOutcomeMetrics outcomes, BacktestTable backtests, MetricsHistory history, CloseHistory closes,
                       Portfolios portfolios, PortfolioTable portfolioTable, DayOutputs outputs) {
        this.job = job;
        this.source = source;
        this.models = models;
        this.publisher = publisher;
        this.config = config;
        this.outcomes = outcomes;
        this.backtests = backtests;
        this.history = history;
        this.closes = closes;
        this.writes = Executors.newFixedThreadPool(config.writeConcurrency(), r -> {
            Thread t = new Thread(r, "day-writer");
            t.setDaemon(true);
            return t;
        });
        this.portfolios = portfolios;
        this.portfolioTable = portfolioTable;
        this.outputs = outputs;
    }

    public RunReport run(String symbol, LocalDate from, LocalDate to) {
        return run(config.model(), symbol, from, to);
    }

    /**
     * Scores {@code symbol} with its own model under the base name {@code model}, else {@code model} itself, then writes
     * its backtest table and the tables of the portfolios holding it.
     * @throws ModelLoader.BatchModelException when the model is missing, unverified or of another interval or spec
     */
    public RunReport run(String model, String symbol, LocalDate from, LocalDate to) {
        return run(model, symbol, from, to, true);
    }

    /**
     * As {@link #run(String, String, LocalDate, LocalDate)}; {@code portfolioTables} false leaves the portfolios to the
     * caller ({@link MarketRun} writes each once, after all its symbols). Runs of one symbol take turns (they would
     * write the same days); runs of different symbols go on at once.
     */
    public RunReport run(String model, String symbol, LocalDate from, LocalDate to, boolean portfolioTables) {
        synchronized (symbolLocks.computeIfAbsent(symbol, s -> new Object())) {
            return runSymbol(model, symbol, from, to, portfolioTables);
        }
    }

    private RunReport runSymbol(String model, String symbol, LocalDate from, LocalDate to, boolean portfolioTables) {
        if (to.isBefore(from)) throw new IllegalArgumentException("to " + to + " is before from " + from);
        BarInterval interval = BarInterval.parse(config.interval());
        RegisteredModel m = models.loadFor(model, symbol, interval); // the symbol's own model, else the default
        int total = (int) (to.toEpochDay() - from.toEpochDay() + 1);
        ProgressLog progress = new ProgressLog(total);
        RangeInput inputs = source.range(symbol, interval, to, config.readAheadDays());
        history.forgetCached(symbol); // this run reads (and verifies) every stored day of the symbol it uses at least once
        RunCloses runCloses = closes.forRun(symbol, from, to);
        RunListing listing = outputs.listRun(symbol, interval, from, to); // before the run's first write
        List<DayReport> days = new ArrayList<>();
        Deque<CompletableFuture<Void>> events = new ArrayDeque<>();
        Deque<CompletableFuture<DayReport>> writing = new ArrayDeque<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            writing.add(write(computeDay(symbol, interval, d, m, inputs, runCloses, listing), symbol, d));
            // In date order: the oldest write is waited for once the pipeline is full, finished ones as they come.
            while (!writing.isEmpty() && (writing.size() > config.writeConcurrency() || writing.peek().isDone())) {
                finish(writing.poll().join(), days, events, progress);
            }
        }
        while (!writing.isEmpty()) finish(writing.poll().join(), days, events, progress);
        awaitEvents(events);
        return tables(symbol, days, portfolioTables);
    }

    private void finish(DayReport r, List<DayReport> days, Deque<CompletableFuture<Void>> events, ProgressLog progress) {
        outcomes.day(r);
        events.add(publish(r));
        while (events.size() > EVENTS_IN_FLIGHT) awaitEvent(events.poll());
        days.add(r);
        progress.dayDone(days.size(), r);
    }

    /** The symbol's backtest table, then (if asked) every portfolio holding it: each written, or its error reported. */
    private RunReport tables(String symbol, List<DayReport> days, boolean portfolioTables) {
        String backtestKey = null, backtestError = null;
        try {
            backtestKey = backtests.write(symbol);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s backtest table not written", symbol);
            backtestError = e.toString();
        }
        Map<String, String> keys = new LinkedHashMap<>(), errors = new LinkedHashMap<>();
        if (portfolioTables) for (Portfolio p : portfolios.holding(symbol)) writePortfolio(p, keys, errors);
        return new RunReport(symbol, days, backtestKey, backtestError, keys, errors);
    }

    /** The portfolio's table written, its key in {@code keys}, or its error in {@code errors}. */
    void writePortfolio(Portfolio p, Map<String, String> keys, Map<String, String> errors) {
        try {
            keys.put(p.name(), portfolioTable.write(p));
        } catch (RuntimeException e) {
            LOG.errorf(e, "portfolio %s table not written", p.name());
            errors.put(p.name(), e.toString());
        }
    }

    private DayJob.Computed computeDay(String symbol, BarInterval interval, LocalDate d, RegisteredModel m, RangeInput inputs,
                                       RunCloses runCloses, RunListing listing) {
        try {
            return job.compute(symbol, interval, d, m, inputs, runCloses, listing);
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s %s failed", symbol, d);
            return new DayJob.Computed(DayReport.error(symbol, d, e), null);
        }
    }

    private CompletableFuture<DayReport> write(DayJob.Computed day, String symbol, LocalDate d) {
        if (day.report() != null) return CompletableFuture.completedFuture(day.report());
        return CompletableFuture.supplyAsync(day::finish, writes).exceptionally(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.errorf(cause, "%s %s failed", symbol, d);
            return DayReport.error(symbol, d, cause instanceof Exception ex ? ex : new IllegalStateException(cause));
        });
    }

    /** Every batch_runs event of the run acknowledged by the broker (30 s each at most), or the run fails. */
    private static void awaitEvents(Deque<CompletableFuture<Void>> events) {
        while (!events.isEmpty()) awaitEvent(events.poll());
    }

    private static void awaitEvent(CompletableFuture<Void> e) {
        try {
            e.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while publishing batch_runs", ex);
        } catch (ExecutionException | TimeoutException ex) {
            throw new IllegalStateException("batch_runs event not acknowledged: " + ex, ex);
        }
    }

    @PreDestroy
    void close() {
        writes.shutdownNow();
    }

    private CompletableFuture<Void> publish(DayReport r) {
        return publisher.publish(r.symbol() + "/" + r.date(), eventJson(r)).subscribeAsCompletionStage();
    }

    /** docs/topics.md batch_runs, plus the day's quality counts and a reason when not complete. */
    static String eventJson(DayReport r) {
        return new BatchRunMessage(r.symbol(), r.date().toString(), r.status().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                r.bars(), r.expectedBars(), r.gaps(), r.duplicates(), r.invalid(), r.processedKey(), r.metricsKey(),
                r.modelVersion() == null ? null : r.modelVersion().longValue(), r.message(), System.currentTimeMillis()).toJson();
    }
}

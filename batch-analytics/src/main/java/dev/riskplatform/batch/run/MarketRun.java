package dev.riskplatform.batch.run;

import dev.riskplatform.batch.portfolio.Portfolios;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.SymbolSelection;
import dev.riskplatform.core.portfolio.Portfolio;
import dev.riskplatform.service.storage.StoredSymbols;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Runs many symbols over [from, to]: the symbols a selection names ({@code ALL} and {@code *QUOTE} from the symbols
 * with stored bars: {@link StoredSymbols}), this shard's share of them ({@link Shard}), {@code batch.symbol-concurrency}
 * symbols at a time, each by {@link BatchRunner} (its days in date order, its backtest table). A symbol that cannot run
 * (no model for it) is reported and the others go on. The portfolios holding any of the symbols are written once, after
 * all of them, from every member's stored days. Progress per shard: a log line per symbol with the ETA, and the gauges
 * {@code batch_market_symbols{shard,state=total|done}} and {@code batch_market_eta_seconds{shard}}.
 */
@ApplicationScoped
public class MarketRun {

    private static final Logger LOG = Logger.getLogger(MarketRun.class);

    private final BatchRunner runner;
    private final BatchConfig config;
    private final StoredSymbols stored;
    private final Portfolios portfolios;
    private final MeterRegistry meters;
    private final Map<String, AtomicReference<MarketProgress>> latestByShard = new ConcurrentHashMap<>();

    public MarketRun(BatchRunner runner, BatchConfig config, StoredSymbols stored, Portfolios portfolios, MeterRegistry meters) {
        this.runner = runner;
        this.config = config;
        this.stored = stored;
        this.portfolios = portfolios;
        this.meters = meters;
    }

    /**
     * The selection's symbols (explicit ones as given, filters over the stored ones), sorted, then this shard's share
     * (empty when there are more shards than symbols).
     * @throws IllegalArgumentException when the selection names no symbol at all (a misconfiguration or an empty bucket,
     *         said loudly rather than run as nothing)
     */
    public List<String> symbols(List<String> selection, Shard shard) {
        SymbolSelection s = SymbolSelection.parse(selection);
        List<String> all = s.followsUniverse()
                ? s.selectByName(stored.withBars(BarInterval.parse(config.interval())))
                : s.selectByName(List.of());
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no symbol with stored " + config.interval() + " bars matches " + selection);
        }
        return shard.of(all);
    }

    /** A progress to follow while {@link #run} goes on in another thread. */
    public MarketProgress progress(List<String> symbols, LocalDate from, LocalDate to) {
        return new MarketProgress(symbols, to.toEpochDay() - from.toEpochDay() + 1);
    }

    public MarketReport run(List<String> symbols, LocalDate from, LocalDate to, Shard shard) {
        return run(progress(symbols, from, to), from, to, shard);
    }

    public MarketReport run(MarketProgress progress, LocalDate from, LocalDate to, Shard shard) {
        if (to.isBefore(from)) throw new IllegalArgumentException("to " + to + " is before from " + from);
        follow(shard, progress);
        List<String> symbols = progress.symbols();
        LOG.infof("market run %s..%s, shard %s: %d symbols, %d at a time", from, to, shard, symbols.size(), config.symbolConcurrency());
        ExecutorService pool = Executors.newFixedThreadPool(config.symbolConcurrency(), r -> new Thread(r, "market-run-" + shard));
        try {
            List<CompletableFuture<SymbolOutcome>> runs = new ArrayList<>();
            for (String symbol : symbols) {
                runs.add(CompletableFuture.supplyAsync(() -> runSymbol(symbol, from, to, shard, progress), pool));
            }
            List<SymbolOutcome> outcomes = runs.stream().map(CompletableFuture::join).toList();
            Map<String, String> keys = new LinkedHashMap<>(), errors = new LinkedHashMap<>();
            for (Portfolio p : holdingAny(symbols)) runner.writePortfolio(p, keys, errors);
            MarketReport report = new MarketReport(from, to, shard.toString(), outcomes, keys, errors, progress.elapsedSeconds());
            progress.finished(report);
            LOG.infof("market run %s..%s, shard %s finished in %.1f s, exit code %d", from, to, shard, report.seconds(), report.exitCode());
            return report;
        } finally {
            pool.shutdownNow();
        }
    }

    private SymbolOutcome runSymbol(String symbol, LocalDate from, LocalDate to, Shard shard, MarketProgress progress) {
        SymbolOutcome outcome;
        try {
            outcome = SymbolOutcome.of(runner.run(config.model(), symbol, from, to, false));
        } catch (RuntimeException e) {
            LOG.errorf(e, "market run: %s did not run", symbol);
            outcome = SymbolOutcome.failed(symbol, e);
        }
        progress.symbolDone();
        Double eta = progress.etaSeconds();
        LOG.infof("market run shard %s: %d/%d symbols (%s exit %d: %d complete, %d missing input, %d errors), %.1f symbol-days/s, ETA %.0f s",
                shard, progress.symbolsDone(), progress.symbols().size(), symbol, outcome.exitCode(), outcome.complete(),
                outcome.missingInput(), outcome.errors(), progress.daysPerSecond(), eta == null ? Double.NaN : eta);
        return outcome;
    }

    private List<Portfolio> holdingAny(List<String> symbols) {
        Set<Portfolio> held = new LinkedHashSet<>();
        for (String s : symbols) held.addAll(portfolios.holding(s));
        return List.copyOf(held);
    }

    /** The shard's gauges read its latest run. */
    private void follow(Shard shard, MarketProgress progress) {
        latestByShard.computeIfAbsent(shard.toString(), label -> {
            AtomicReference<MarketProgress> latest = new AtomicReference<>();
            Gauge.builder("batch.market.symbols", latest, r -> r.get() == null ? 0 : r.get().symbols().size())
                    .description("Symbols of the shard's latest market run").tag("shard", label).tag("state", "total").register(meters);
            Gauge.builder("batch.market.symbols", latest, r -> r.get() == null ? 0 : r.get().symbolsDone())
                    .description("Symbols of the shard's latest market run").tag("shard", label).tag("state", "done").register(meters);
            Gauge.builder("batch.market.eta.seconds", latest, r -> r.get() == null || r.get().etaSeconds() == null ? Double.NaN : r.get().etaSeconds())
                    .description("Seconds the shard's latest market run still needs at its rate so far (0 when finished)")
                    .tag("shard", label).register(meters);
            return latest;
        }).set(progress);
    }
}

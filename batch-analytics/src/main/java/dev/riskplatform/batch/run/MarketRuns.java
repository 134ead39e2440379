package dev.riskplatform.batch.run;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Market runs started over HTTP ({@code POST /runs?symbols=ALL…}), each on its own thread, followed by id. The latest
 * {@link #KEPT} are kept for {@code GET /runs/{id}}; older ones are forgotten (their outputs are in S3 and batch_runs).
 */
@ApplicationScoped
public class MarketRuns {

    static final int KEPT = 20;
    private static final Logger LOG = Logger.getLogger(MarketRuns.class);

    private final MarketRun market;
    private final AtomicLong ids = new AtomicLong();
    private final Map<String, Started> started = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Started> eldest) {
            return size() > KEPT;
        }
    };

    public MarketRuns(MarketRun market) {
        this.market = market;
    }

    /** A run started, with what it runs and its progress. */
    public record Started(String id, LocalDate from, LocalDate to, MarketProgress progress) {
    }

    /** Resolves the selection's symbols now (a bad selection fails the request) and starts the run. */
    public Started start(List<String> selection, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) throw new IllegalArgumentException("to " + to + " is before from " + from);
        List<String> symbols = market.symbols(selection, Shard.WHOLE);
        MarketProgress progress = market.progress(symbols, from, to);
        Started run = new Started(Long.toString(ids.incrementAndGet()), from, to, progress);
        synchronized (started) {
            started.put(run.id(), run);
        }
        Thread t = new Thread(() -> {
            try {
                market.run(progress, from, to, Shard.WHOLE);
            } catch (RuntimeException e) {
                LOG.errorf(e, "market run %s failed", run.id());
                progress.failed(e.toString());
            }
        }, "market-run-" + run.id());
        t.setDaemon(true);
        t.start();
        return run;
    }

    public Optional<Started> get(String id) {
        synchronized (started) {
            return Optional.ofNullable(started.get(id));
        }
    }
}

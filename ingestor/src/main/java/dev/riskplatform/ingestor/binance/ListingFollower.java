package dev.riskplatform.ingestor.binance;

import dev.riskplatform.core.market.SymbolSelection;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Keeps a session on the exchange's listings: resolves its {@link SymbolSelection} from {@code exchangeInfo} at once and
 * every {@code interval}, so listings are subscribed and delistings unsubscribed without a restart. A failed look is
 * tried again sooner ({@link #RETRY}); an answer that selects nothing is not followed (it would drop every stream at once).
 */
final class ListingFollower {

    private static final Logger LOG = Logger.getLogger(ListingFollower.class);
    static final Duration RETRY = Duration.ofSeconds(30);

    private final Vertx vertx;
    private final ExchangeInfoClient exchangeInfo;
    private final SymbolSelection selection;
    private final Duration interval;
    private final IngestSession session;
    private volatile boolean stopped;
    private volatile long timer = -1;

    ListingFollower(Vertx vertx, ExchangeInfoClient exchangeInfo, SymbolSelection selection, Duration interval, IngestSession session) {
        this.vertx = vertx;
        this.exchangeInfo = exchangeInfo;
        this.selection = selection;
        this.interval = interval;
        this.session = session;
    }

    void start() {
        session.onStop(this::stop);
        refresh();
    }

    private void refresh() {
        if (stopped) return;
        exchangeInfo.fetch().thenAccept(listings -> {
            List<String> symbols = ExchangeInfoClient.select(selection, listings);
            if (symbols.isEmpty()) throw new IllegalStateException("exchangeInfo lists no symbol the selection takes (" + listings.size() + " listed)");
            session.follow(symbols);
        }).whenComplete((v, error) -> {
            if (error != null) LOG.warnf("symbol list not refreshed, next try in %s: %s", retryDelay(), error.toString());
            schedule(error == null ? interval : retryDelay());
        });
    }

    private Duration retryDelay() {
        return interval.compareTo(RETRY) < 0 ? interval : RETRY;
    }

    private void schedule(Duration wait) {
        if (!stopped) timer = vertx.setTimer(Math.max(1, wait.toMillis()), t -> refresh());
    }

    private void stop() {
        stopped = true;
        if (timer >= 0) vertx.cancelTimer(timer);
    }
}

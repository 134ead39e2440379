package dev.riskplatform.simulator.app;

import dev.riskplatform.simulator.LoadGenerator;
import dev.riskplatform.simulator.ReplayServer;
import dev.riskplatform.simulator.SimulatedMarket;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The simulator as a service: Binance's market-data protocol on {@code simulator.exchange-port} (WebSocket streams,
 * historicalTrades, exchangeInfo), the 2013 Bitstamp tape as {@code simulator.symbol}, pings every
 * {@code simulator.ping-interval}; its control endpoints (/replay/...) are on the service's own HTTP port.
 */
@ApplicationScoped
public class SimulatorApp {

    private static final Logger LOG = Logger.getLogger(SimulatorApp.class);

    @ConfigProperty(name = "simulator.exchange-port", defaultValue = "8086") int exchangePort;
    @ConfigProperty(name = "simulator.exchange-host", defaultValue = "127.0.0.1") String exchangeHost;
    @ConfigProperty(name = "simulator.symbol", defaultValue = "BTCUSDT") String symbol;
    @ConfigProperty(name = "simulator.speed", defaultValue = "60") double speed;
    @ConfigProperty(name = "simulator.ping-interval", defaultValue = "20s") Duration pingInterval;
    /** false: the tape waits for POST /replay/start (./platform loads history and trains a model first). */
    @ConfigProperty(name = "simulator.autostart", defaultValue = "true") boolean autostart;

    private final Vertx vertx;
    private ReplayServer server;
    private SimulatedMarket market;
    private LoadGenerator load;

    public SimulatorApp(Vertx vertx) {
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent e) {
        server = new ReplayServer(vertx);
        int port = server.start(exchangeHost, exchangePort);
        market = SimulatedMarket.bitstamp(vertx, server, symbol);
        load = new LoadGenerator(vertx, server);
        server.startPinging(pingInterval);
        LOG.infof("Binance simulator: ws://%s:%d, http://%s:%d/api/v3/, %s", exchangeHost, port, exchangeHost, port, symbol);
        if (autostart) market.play(speed, 0);
        else LOG.infof("replay of %s loaded, waiting for POST /replay/start", symbol);
    }

    void stop(@Observes ShutdownEvent e) {
        if (server != null) server.close();
    }

    public SimulatedMarket market() {
        return market;
    }

    public LoadGenerator load() {
        return load;
    }

    /** The port Binance's protocol is served on (simulator.exchange-port; 0 there: a free one). */
    public int exchangePort() {
        return server.port();
    }

    /** The configured speed, × real time. */
    public double speed() {
        return speed;
    }
}

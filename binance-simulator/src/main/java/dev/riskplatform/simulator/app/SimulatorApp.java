package dev.riskplatform.simulator.app;

import dev.riskplatform.simulator.LoadGenerator;
import dev.riskplatform.simulator.ReplayServer;
import dev.riskplatform.simulator.SimulatedMarket;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The simulator as a service: Binance's market-data protocol on {@code simulator.exchange-port} (WebSocket streams,
 * historicalTrades, exchangeInfo), the 2013 Bitstamp tape as {@code simulator.symbol}, pings every
 * {@code simulator.ping-interval}; its control endpoints (/replay/...) are on the service's own HTTP port.
 */
@ApplicationScoped
public class SimulatorApp {

    private static final Logger LOG = Logger.getLogger(SimulatorApp.class);

    private final SimulatorConfig config;
    private final Vertx vertx;
    private ReplayServer server;
    private SimulatedMarket market;
    private LoadGenerator load;

    public SimulatorApp(SimulatorConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
    }

    void start(@Observes StartupEvent e) {
        String host = config.exchangeHost(), symbol = config.symbol();
        server = new ReplayServer(vertx);
        int port = server.start(host, config.exchangePort());
        market = SimulatedMarket.bitstamp(vertx, server, symbol);
        load = new LoadGenerator(vertx, server);
        server.startPinging(config.pingInterval());
        LOG.infof("Binance simulator: ws://%s:%d, http://%s:%d/api/v3/, %s", host, port, host, port, symbol);
        if (config.autostart()) market.play(config.speed(), 0);
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
        return config.speed();
    }
}

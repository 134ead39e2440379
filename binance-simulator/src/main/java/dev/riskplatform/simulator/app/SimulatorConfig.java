package dev.riskplatform.simulator.app;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The simulator service, prefix {@code simulator}. */
@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** Where Binance's protocol is served (0: a free port). */
    @WithDefault("8086")
    int exchangePort();

    @WithDefault("127.0.0.1")
    String exchangeHost();

    /** The symbol the 2013 Bitstamp tape is streamed as. */
    @WithDefault("BTCUSDT")
    String symbol();

    /** × real time. */
    @WithDefault("60")
    double speed();

    @WithDefault("20s")
    Duration pingInterval();

    /** false: the tape waits for POST /replay/start (./platform loads history and trains a model first). */
    @WithDefault("true")
    boolean autostart();
}

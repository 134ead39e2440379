package dev.riskplatform.ingestor.binance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** {@code ingestor.binance.*} in application.properties. */
@ConfigMapping(prefix = "ingestor.binance")
public interface BinanceConfig {

    /** Connect at start-up; off in tests (they open sessions against a local replay server). */
    @WithDefault("true")
    boolean enabled();

    /** Market-data-only host: same streams, no user data. */
    @WithDefault("wss://data-stream.binance.vision")
    URI wsUrl();

    @WithDefault("https://data-api.binance.vision")
    URI restUrl();

    @WithDefault("BTCUSDT")
    List<String> symbols();

    @WithDefault("1024")
    int streamsPerConnection();

    /** Binance drops a connection at 24 h: reconnect before. */
    @WithDefault("23h50m")
    Duration maxConnectionAge();

    @WithDefault("500ms")
    Duration backoffInitial();

    @WithDefault("60s")
    Duration backoffMax();
}

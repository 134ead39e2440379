package dev.riskplatform.ingestor.binance;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/** {@code ingestor.binance.*} in application.properties. */
@ConfigMapping(prefix = "ingestor.binance")
public interface BinanceConfig {

    /**
     * What the trades are, in market_prices' {@code source} (docs/topics.md): {@code binance}, or {@code replay} when the
     * URLs point at the Binance simulator (./platform), whose trades are the 2013 tape and synthetic load.
     */
    @WithDefault("binance")
    String source();

    /** Market-data-only host: same streams, no user data. */
    @WithDefault("wss://data-stream.binance.vision")
    URI wsUrl();

    @WithDefault("https://data-api.binance.vision")
    URI restUrl();

    /** Explicit symbols ({@code BTCUSDT,ETHUSDT}), {@code ALL}, or quote filters ({@code *USDT}): see {@code core.market.SymbolSelection}. */
    @WithDefault("BTCUSDT")
    List<String> symbols();

    /** How often {@code ALL} and quote filters look at exchangeInfo again for listings and delistings. */
    @WithDefault("5m")
    Duration symbolsRefresh();

    /** Streams a connection carries at most (Binance's limit, 1024, is the most). */
    @WithDefault("1024")
    int streamsPerConnection();

    /** Streams named in one SUBSCRIBE or UNSUBSCRIBE message. */
    @WithDefault("100")
    int streamsPerMessage();

    /**
     * SUBSCRIBE/UNSUBSCRIBE messages a connection sends per {@code subscribe-window}. Binance drops a connection over 5
     * incoming messages a second, pongs included: 4 leaves one for the pong, and a window over a second leaves room
     * for messages bunched up by the network.
     */
    @WithDefault("4")
    int subscribeMessages();

    @WithDefault("1200ms")
    Duration subscribeWindow();

    /** Binance drops a connection at 24 h: reconnect before. */
    @WithDefault("23h50m")
    Duration maxConnectionAge();

    @WithDefault("500ms")
    Duration backoffInitial();

    @WithDefault("60s")
    Duration backoffMax();
}

package dev.riskplatform.ingestor.binance;

import java.net.URI;
import java.util.Locale;

/**
 * Stream names and the URL a connection opens: {@code /stream} with no stream in it, the streams being subscribed on
 * the open connection (combined payloads, {@code {"stream":..,"data":..}}), at most 1024 of them a connection.
 */
public final class StreamNames {

    public static final int MAX_STREAMS_PER_CONNECTION = 1024;

    private StreamNames() {
    }

    public static String tradeStream(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@trade";
    }

    /** {@code <base>/stream}: a combined-stream connection that carries what it subscribes to. */
    public static URI subscribeUrl(URI base) {
        return URI.create(base.toString().replaceAll("/+$", "") + "/stream");
    }
}

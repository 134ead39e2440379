package dev.riskplatform.ingestor.binance;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Combined-stream URLs: {@code /stream?streams=btcusdt@trade/ethusdt@trade}, at most 1024 streams each. */
public final class StreamNames {

    public static final int MAX_STREAMS_PER_CONNECTION = 1024;

    private StreamNames() {
    }

    public static String tradeStream(String symbol) {
        return symbol.toLowerCase(Locale.ROOT) + "@trade";
    }

    /** One URL per connection; symbols beyond {@code perConnection} go to further connections. */
    public static List<URI> combinedUrls(URI base, List<String> symbols, int perConnection) {
        int per = Math.min(perConnection, MAX_STREAMS_PER_CONNECTION);
        List<URI> urls = new ArrayList<>();
        for (int i = 0; i < symbols.size(); i += per) {
            List<String> chunk = symbols.subList(i, Math.min(symbols.size(), i + per));
            String streams = String.join("/", chunk.stream().map(StreamNames::tradeStream).toList());
            urls.add(URI.create(base.toString().replaceAll("/+$", "") + "/stream?streams=" + streams));
        }
        return urls;
    }
}

package dev.riskplatform.ingestor.history;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local {@code /api/v3/klines} in Binance's exact format: 1m klines for any range, at most
 * {@code limit} per page, the weight header, one 429 with Retry-After first, and 451 for symbol BLOCKED.
 */
final class FakeKlinesServer implements AutoCloseable {

    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger tooMany = new AtomicInteger(1);
    private final HttpServer server;

    FakeKlinesServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v3/klines", this::handle);
        server.start();
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange ex) throws IOException {
        requests.incrementAndGet();
        Map<String, String> q = query(ex.getRequestURI().getQuery());
        if ("BLOCKED".equals(q.get("symbol"))) {
            reply(ex, 451, "{\"code\":0,\"msg\":\"Service unavailable from a restricted location\"}");
        } else if (tooMany.getAndDecrement() > 0) {
            ex.getResponseHeaders().add("Retry-After", "1");
            reply(ex, 429, "{\"code\":-1003,\"msg\":\"Too many requests\"}");
        } else {
            ex.getResponseHeaders().add("X-MBX-USED-WEIGHT-1M", String.valueOf(requests.get() * 2));
            reply(ex, 200, page(Long.parseLong(q.get("startTime")), Long.parseLong(q.get("endTime")), Integer.parseInt(q.get("limit"))));
        }
    }

    /** {@code [openTime,"open","high","low","close","volume",closeTime,"quoteVolume",trades,"takerBase","takerQuote","0"]} */
    static String page(long start, long end, int limit) {
        StringBuilder sb = new StringBuilder("[");
        long open = (start + 59_999) / 60_000 * 60_000;
        for (int i = 0; i < limit && open <= end; i++, open += 60_000) {
            if (i > 0) sb.append(',');
            long p = 40_000 + (open / 60_000) % 100;
            sb.append('[').append(open).append(",\"").append(p).append(".10000000\",\"").append(p + 5).append(".00000000\",\"")
                    .append(p - 5).append(".00000000\",\"").append(p + 1).append(".00000000\",\"2.50000000\",").append(open + 59_999)
                    .append(",\"100250.00000000\",42,\"1.20000000\",\"48120.00000000\",\"0\"]");
        }
        return sb.append(']').toString();
    }

    private static void reply(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        ex.getResponseBody().write(b);
        ex.close();
    }

    private static Map<String, String> query(String q) {
        Map<String, String> m = new HashMap<>();
        for (String kv : q.split("&")) m.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
        return m;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

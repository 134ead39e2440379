package dev.riskplatform.detector.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A sink that keeps failing is tried max-attempts times, then counted as failed; the signature is standard HMAC-SHA256. */
class DeliveryRetryTest {

    private static final String ALERT = "{\"alertId\":\"XUSDT-1767225600000-v1\",\"symbol\":\"XUSDT\",\"interval\":\"1m\","
            + "\"openTime\":1767225600000,\"severity\":\"HIGH\",\"score\":3.1,\"threshold\":2.2,\"model\":\"btc-iforest\","
            + "\"modelVersion\":1,\"explanation\":[],\"episodeBars\":1,\"emittedAt\":" + System.currentTimeMillis() + "}";

    @Test
    void aFailingWebhookIsTriedMaxAttemptsTimesThenCountedAsFailed() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> {
            calls.incrementAndGet();
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.start();
        try {
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            DeliveryMetrics metrics = new DeliveryMetrics(meters, List.of("webhook"));
            WebhookSink sink = new WebhookSink(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "s",
                    new Http(Duration.ofSeconds(2)));
            Episode e = Episode.fromAlert(ALERT, 30, "http://dash/");
            boolean delivered = new Retry(3, Duration.ofMillis(10), metrics, () -> true).attempt(sink, "fire", e, () -> sink.fire(e));
            assertFalse(delivered);
            assertEquals(3, calls.get());
            assertEquals(1.0, metrics.failed("webhook", "fire").count());
            assertEquals(0.0, metrics.delivered("webhook", "fire").count());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void theEpisodeEndsCooldownBarsAfterItsFirstBarAndExpiresAtTwiceThat() throws Exception {
        Episode e = Episode.fromAlert(ALERT, 30, "http://dash/");
        assertEquals(1767225600000L + 30 * 60_000L, e.endBarOpen());
        assertEquals(e.startsAt().plus(Duration.ofMinutes(60)), e.expiresAt());
        EpisodeTracker tracker = new EpisodeTracker();
        assertTrue(tracker.fired(e).isEmpty());
        assertTrue(tracker.bar("XUSDT", e.endBarOpen() - 60_000L).isEmpty(), "the episode's last bar does not end it");
        assertEquals(List.of(e), tracker.bar("XUSDT", e.endBarOpen()));
    }

    @Test
    void theSignatureIsHmacSha256InHex() {
        // RFC 4231, test case 2
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                Signature.of("what do ya want for nothing?".getBytes(StandardCharsets.UTF_8), "Jefe".getBytes(StandardCharsets.UTF_8)));
    }
}

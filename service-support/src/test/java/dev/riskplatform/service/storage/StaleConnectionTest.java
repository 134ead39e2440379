package dev.riskplatform.service.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one retry: only for a request the server closed without answering (as the SDK's sync client reports it). */
class StaleConnectionTest {

    private static RuntimeException stale() {
        // What the SDK threw in CI from putObject on a reused connection S3Proxy had closed.
        return new UncheckedIOException(new SocketException("Unexpected end of file from server"));
    }

    @Test
    void aRequestTheServerClosedUnansweredIsSentOnceMore() {
        AtomicInteger calls = new AtomicInteger();
        String r = StaleConnection.retryOnce(() -> {
            if (calls.incrementAndGet() == 1) throw stale();
            return "ok";
        });
        assertEquals("ok", r);
        assertEquals(2, calls.get());
    }

    @Test
    void onlyOnceAndOnlyForThatFailure() {
        AtomicInteger calls = new AtomicInteger();
        assertThrows(UncheckedIOException.class, () -> StaleConnection.retryOnce(() -> {
            calls.incrementAndGet();
            throw stale();
        }));
        assertEquals(2, calls.get(), "a second stale answer is an error, not a loop");
        RuntimeException other = new IllegalStateException("403 Forbidden");
        calls.set(0);
        assertSame(other, assertThrows(IllegalStateException.class, () -> StaleConnection.retryOnce(() -> {
            calls.incrementAndGet();
            throw other;
        })));
        assertEquals(1, calls.get());
        assertFalse(StaleConnection.isStale(new UncheckedIOException(new SocketException("Connection reset"))));
        assertTrue(StaleConnection.isStale(new RuntimeException(stale())));
    }
}

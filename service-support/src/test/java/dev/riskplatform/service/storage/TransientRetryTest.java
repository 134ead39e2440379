package dev.riskplatform.service.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** Which failures are retried, and that the retries end. */
class TransientRetryTest {

    private static final Duration FAST = Duration.ofMillis(1);

    private static RuntimeException stale() {
        // What the SDK threw in CI from putObject on a reused connection S3Proxy had closed.
        return new UncheckedIOException(new SocketException("Unexpected end of file from server"));
    }

    private static RuntimeException status(int code) {
        return S3Exception.builder().statusCode(code).message("status " + code).build();
    }

    @Test
    void transientFailuresAreRetriedUntilTheCallSucceeds() {
        AtomicInteger calls = new AtomicInteger();
        RuntimeException[] failures = {stale(), status(503), SdkClientException.create("Unable to execute HTTP request", new SocketException("Connection reset"))};
        String r = TransientRetry.call("PUT k", () -> {
            int n = calls.getAndIncrement();
            if (n < failures.length) throw failures[n];
            return "ok";
        }, FAST);
        assertEquals("ok", r);
        assertEquals(4, calls.get());
    }

    @Test
    void retriesEndWithAnErrorNamingTheRequestAndTheLastFailure() {
        AtomicInteger calls = new AtomicInteger();
        StorageUnavailableException e = assertThrows(StorageUnavailableException.class, () -> TransientRetry.call("PUT raw/x", () -> {
            calls.incrementAndGet();
            throw status(500);
        }, FAST));
        assertEquals(TransientRetry.ATTEMPTS, calls.get());
        assertTrue(e.getMessage().startsWith("S3 PUT raw/x still failing after 4 retried calls: status 500"), e.getMessage());
    }

    @Test
    void finalAnswersAreNotRetried() {
        for (int code : new int[] {403, 404, 409, 412}) {
            AtomicInteger calls = new AtomicInteger();
            RuntimeException answer = status(code);
            assertSame(answer, assertThrows(S3Exception.class, () -> TransientRetry.call("GET k", () -> {
                calls.incrementAndGet();
                throw answer;
            }, FAST)));
            assertEquals(1, calls.get(), "HTTP " + code);
        }
        assertFalse(TransientRetry.isTransient(new IllegalStateException("a bug")));
        assertTrue(TransientRetry.isTransient(status(429)));
        assertTrue(TransientRetry.isTransient(new RuntimeException(stale())));
    }
}

package dev.riskplatform.service.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkServiceException;

/**
 * Bounded retries, with backoff, of an S3 call that failed transiently, on top of the SDK's own
 * (its default policy makes 4 attempts in all). The rule: a failure is transient when S3 answered
 * 5xx or throttled (429, 503 SlowDown), or when no answer came (an I/O error: a connection reset,
 * refused or closed unanswered, the JDK client's "Unexpected end of file from server" on a
 * kept-alive connection, a read timeout). Any other answer (403, 404, 412) is final. At a 20 %
 * fault rate the SDK's four attempts all fail for about one request in 600, which a year of history
 * import (thousands of requests) meets; {@value #ATTEMPTS} rounds of four make it one in 10^11.
 * <p>
 * A retried write may already have been acted on (the answer, not the request, was lost): plain
 * PUTs and DELETEs are idempotent, and a conditional PUT's 412 is judged by reading the object back
 * ({@link ObjectStore#replace}). When every round failed the caller gets a {@link StorageUnavailableException}
 * naming the request and the last failure, after at most a few tens of seconds, never a hang.
 */
final class TransientRetry {

    static final int ATTEMPTS = 4;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(2);

    private TransientRetry() {
    }

    static <T> T call(String what, Supplier<T> call) {
        return call(what, call, FIRST_BACKOFF);
    }

    static <T> T call(String what, Supplier<T> call, Duration firstBackoff) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.get();
            } catch (RuntimeException e) {
                if (!isTransient(e)) throw e;
                if (attempt == ATTEMPTS) throw new StorageUnavailableException(what, attempt, e);
                sleep(backoff(firstBackoff, attempt));
            }
        }
    }

    static boolean isTransient(Throwable e) {
        if (e instanceof SdkServiceException s) return s.statusCode() >= 500 || s.isThrottlingException();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }

    /** Doubling from {@code first} up to {@link #MAX_BACKOFF}, each wait drawn in its upper half so retries spread out. */
    private static long backoff(Duration first, int attempt) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), first.toMillis() << (attempt - 1));
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry", e);
        }
    }
}

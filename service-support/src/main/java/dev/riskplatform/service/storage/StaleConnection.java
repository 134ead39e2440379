package dev.riskplatform.service.storage;

import java.net.SocketException;
import java.util.function.Supplier;

/**
 * One retry for a request sent on a kept-alive connection the server had already closed. The JDK's
 * URL connection client (the SDK's sync client here) reports that as a SocketException "Unexpected end
 * of file from server", unwrapped by the SDK's retry policy, so the request failed although S3 was
 * fine. The server sent no response: it did not act on the request, and one retry on a fresh
 * connection is the whole fix. Anything else is rethrown untouched.
 */
final class StaleConnection {

    private StaleConnection() {
    }

    static <T> T retryOnce(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (!isStale(e)) throw e;
            return call.get();
        }
    }

    static boolean isStale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SocketException && String.valueOf(t.getMessage()).contains("Unexpected end of file from server")) return true;
            if (t.getCause() == t) break;
        }
        return false;
    }
}

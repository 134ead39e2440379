package dev.riskplatform.detector.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** The sinks' HTTP calls: a request counts as accepted only with a 2xx answer. */
final class Http {

    private final HttpClient client;
    private final Duration timeout;

    Http(Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.timeout = timeout;
    }

    HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(timeout);
    }

    /** Sends and returns the body; a non-2xx answer throws with its status and the start of its body. */
    String send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            String body = r.body() == null ? "" : r.body();
            throw new IOException(request.method() + " " + request.uri() + " answered " + r.statusCode() + ": "
                    + body.substring(0, Math.min(300, body.length())));
        }
        return r.body();
    }
}

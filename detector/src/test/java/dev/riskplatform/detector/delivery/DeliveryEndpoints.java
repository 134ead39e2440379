package dev.riskplatform.detector.delivery;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sinks of the delivery test, started before the detector so its forwarder finds them: a real
 * Alertmanager process (Debian's /usr/bin/prometheus-alertmanager) on a free loopback port with a
 * temp storage dir, and a webhook receiver (JDK HttpServer) that stores each POST's body and
 * signature header as files. Test and resource meet through system properties and those files, not
 * through statics (Quarkus may load them in different class loaders).
 */
public class DeliveryEndpoints implements QuarkusTestResourceLifecycleManager {

    static final Path BINARY = Path.of("/usr/bin/prometheus-alertmanager");
    static final String SECRET = "delivery-test-secret";
    static final String AM_URL = "delivery-test.alertmanager-url", WEBHOOK_DIR = "delivery-test.webhook-dir";

    private Process alertmanager;
    private HttpServer webhook;
    private Path dir;

    static boolean available() {
        return System.getProperty(AM_URL) != null;
    }

    @Override
    public Map<String, String> start() {
        if (!Files.isExecutable(BINARY)) return Map.of();
        try {
            dir = Files.createTempDirectory("alert-delivery-test");
            String am = startAlertmanager();
            String hook = startWebhook(Files.createDirectories(dir.resolve("webhook")));
            System.setProperty(AM_URL, am);
            System.setProperty(WEBHOOK_DIR, dir.resolve("webhook").toString());
            return Map.of("delivery.alertmanager.url", am, "delivery.alertmanager.refresh-interval", "1s",
                    "delivery.webhook.url", hook, "delivery.webhook.secret", SECRET,
                    "delivery.retry-backoff", "200ms", "delivery.max-attempts", "3");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String startAlertmanager() throws IOException {
        int port = freePort();
        Path config = Files.writeString(dir.resolve("alertmanager.yml"), "route:\n  receiver: none\nreceivers:\n  - name: none\n");
        alertmanager = new ProcessBuilder(BINARY.toString(), "--config.file=" + config, "--storage.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        String url = "http://127.0.0.1:" + port;
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!ready(url + "/-/ready")) {
            if (System.nanoTime() > deadline || !alertmanager.isAlive()) {
                throw new IllegalStateException("Alertmanager did not start: " + Files.readString(dir.resolve("alertmanager.log")));
            }
            sleep();
        }
        return url;
    }

    private String startWebhook(Path out) throws IOException {
        AtomicInteger n = new AtomicInteger();
        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/alerts", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String name = String.format("%04d", n.incrementAndGet());
            String signature = String.valueOf(exchange.getRequestHeaders().getFirst(Signature.HEADER));
            Files.writeString(out.resolve(name + ".sig"), signature);
            Path tmp = Files.write(out.resolve(name + ".tmp"), body); // moved: the test never reads half a body
            Files.move(tmp, out.resolve(name + ".json"), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        webhook.start();
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/alerts";
    }

    @Override
    public void stop() {
        if (webhook != null) webhook.stop(0);
        if (alertmanager != null) alertmanager.destroy();
        System.clearProperty(AM_URL);
        System.clearProperty(WEBHOOK_DIR);
    }

    private static boolean ready(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(500);
            return c.getResponseCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

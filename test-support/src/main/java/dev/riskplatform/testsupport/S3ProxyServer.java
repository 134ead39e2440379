package dev.riskplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;

/**
 * A real S3 API: S3Proxy ({@code org.gaul:s3proxy}, jar-with-dependencies) as a child process
 * with the filesystem backend, so data survives {@link #stop()}/{@link #start()} on the same port.
 * It runs out of process because its own Jetty and jclouds would clash with the service's classpath.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";

    private final Path jar;
    private final Path dataDir;
    private final int port;
    private Process process;

    public S3ProxyServer(Path jar, Path dataDir, int port) {
        this.jar = jar;
        this.dataDir = dataDir;
        this.port = port;
    }

    /** The jar Maven fetched for test-support; surefire passes its path as {@code s3proxy.jar}. */
    public static Path locateJar() {
        String configured = System.getProperty("s3proxy.jar");
        Path jar = configured != null ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".m2/repository/org/gaul/s3proxy/4.1.0/s3proxy-4.1.0-jar-with-dependencies.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("S3Proxy jar not found at " + jar
                    + " (build test-support first: ./mvnw -pl test-support install)");
        }
        return jar;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * A plain SDK client on this server (URL-connection HTTP, as the services use). Interceptors
     * observe the requests (a benchmark counts them); they do not change them.
     */
    public S3Client client(ExecutionInterceptor... interceptors) {
        return client(endpoint(), c -> c.executionInterceptors(List.of(interceptors)));
    }

    /** A client as {@link #client} for an endpoint in front of this server (a fault proxy), with its own overrides. */
    public static S3Client client(String endpoint, Consumer<ClientOverrideConfiguration.Builder> overrides) {
        return S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.of(RealInfrastructure.REGION))
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .overrideConfiguration(overrides)
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    /** Creates the bucket; one kept from an earlier start is fine. */
    public void createBucket(String bucket) {
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(bucket));
        } catch (BucketAlreadyOwnedByYouException e) {
            // kept from an earlier start: fine
        }
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) return;
        try {
            Files.createDirectories(dataDir);
            Path props = dataDir.resolveSibling(dataDir.getFileName() + ".properties");
            Files.write(props, List.of(
                    "s3proxy.endpoint=" + endpoint(),
                    "s3proxy.authorization=aws-v2-or-v4",
                    "s3proxy.identity=" + ACCESS_KEY,
                    "s3proxy.credential=" + SECRET_KEY,
                    "jclouds.provider=filesystem",
                    "jclouds.filesystem.basedir=" + dataDir.toAbsolutePath()));
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            process = new ProcessBuilder(javaBinary(), "-Xmx256m", "-jar", jar.toString(), "--properties", props.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            awaitPort(true, 30_000);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start S3Proxy", e);
        }
    }

    public synchronized void stop() {
        if (process == null) return;
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
        awaitPort(false, 10_000);
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitPort(boolean open, long timeoutMillis) {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (System.currentTimeMillis() < deadline) {
            if (isOpen() == open) return;
            if (open && process != null && !process.isAlive()) {
                throw new IllegalStateException("S3Proxy exited with " + process.exitValue() + " (see its log beside " + dataDir + ")");
            }
            sleep(50);
        }
        throw new IllegalStateException("S3Proxy port " + port + (open ? " did not open" : " did not close") + " in time");
    }

    private boolean isOpen() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

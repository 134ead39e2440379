package dev.riskplatform.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One real Kafka broker and one real S3 API per test JVM, started on first use and stopped
 * when the JVM exits. Every {@code @QuarkusTest} of a module shares them, which keeps the
 * suite fast; tests that stop a part must start it again before they end.
 */
public final class RealInfrastructure {

    public static final String BUCKET = "risk-platform-test";
    public static final String REGION = "us-east-1";

    /** The platform's topics and their partition counts, as in docs/topics.md. */
    public static final Map<String, Integer> TOPICS = Map.of(
            "market_prices", 4,
            "risk_events", 4,
            "risk_alerts", 1,
            "model_registry", 1,
            "market_prices_dlq", 1,
            "detector_dlq", 1,
            "batch_runs", 1);

    private static RealInfrastructure instance;

    private final KafkaBroker kafka;
    private final S3ProxyServer s3;

    private RealInfrastructure(KafkaBroker kafka, S3ProxyServer s3) {
        this.kafka = kafka;
        this.s3 = s3;
    }

    public static synchronized RealInfrastructure get() {
        if (instance == null) {
            instance = startBoth();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::close, "real-infrastructure-shutdown"));
        }
        return instance;
    }

    private static RealInfrastructure startBoth() {
        S3ProxyServer s3 = new S3ProxyServer(S3ProxyServer.locateJar(), tempDir().resolve("s3"), S3ProxyServer.freePort());
        s3.start();
        KafkaBroker kafka = KafkaBroker.start();
        kafka.createTopics(TOPICS);
        RealInfrastructure infra = new RealInfrastructure(kafka, s3);
        infra.createBucket();
        return infra;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public S3ProxyServer s3() {
        return s3;
    }

    /** The configuration a Quarkus service needs to talk to both. */
    public Map<String, String> quarkusConfig() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.s3.endpoint-override", s3.endpoint());
        config.put("quarkus.s3.path-style-access", "true");
        config.put("quarkus.s3.aws.region", REGION);
        config.put("quarkus.s3.aws.credentials.type", "static");
        config.put("quarkus.s3.aws.credentials.static-provider.access-key-id", S3ProxyServer.ACCESS_KEY);
        config.put("quarkus.s3.aws.credentials.static-provider.secret-access-key", S3ProxyServer.SECRET_KEY);
        config.put("risk.storage.bucket", BUCKET);
        return config;
    }

    /** A plain SDK client for tests to check what a service wrote, independently of the service. */
    public S3Client s3Client() {
        return s3.client();
    }

    private void createBucket() {
        s3.createBucket(BUCKET);
    }

    private void close() {
        try {
            kafka.close();
        } finally {
            s3.close();
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("risk-infra-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.riskplatform.detector.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.riskplatform.detector.model.ModelManager;
import dev.riskplatform.detector.support.Await;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import dev.riskplatform.testsupport.TopicProbe;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark harness, not a test (asserts nothing, off unless {@code -Dbench=true}): trades through
 * the real broker into the detector. Phase 1 paces 10 k trades/s and reports the publish-to-event
 * latency of the closed bars; phase 2 publishes as fast as the producer can and reports the
 * detector's sustained trades/s. Run: bench/run-detector-bench.sh
 */
@Order(1)
@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DetectorBench {

    private static final int SYMBOLS = 10, PACED = 200_000, BURST = 400_000, RATE = 10_000;

    @Inject
    ModelManager models;

    @Inject
    MeterRegistry meters;

    @Test
    void run() {
        TestModels.ensureServing(models);
        publish("PACE", PACED, RATE);
        awaitTrades(PACED);
        List<JsonNode> events = Series.readAll("risk_events", "PACE0");
        long[] lat = events.stream().mapToLong(e -> e.get("emittedAt").asLong() - e.get("lastTradePublishTime").asLong()).sorted().toArray();
        System.out.printf("BENCH paced %d trades/s: %d bars of PACE0, close latency p50 %d ms, p99 %d ms%n",
                RATE, lat.length, lat[lat.length / 2], lat[(int) (lat.length * 0.99)]);

        double before = trades();
        long t0 = System.nanoTime();
        publish("BURST", BURST, Integer.MAX_VALUE);
        awaitTrades(before + BURST);
        double secs = (System.nanoTime() - t0) / 1e9;
        System.out.printf("BENCH burst: %d trades in %.1f s = %.0f trades/s sustained; RSS %s%n", BURST, secs, BURST / secs, rss());
    }

    /** {@code n} trades over SYMBOLS symbols, one second of event time apart per symbol, at most {@code rate}/s. */
    private static void publish(String prefix, int n, int rate) {
        BigDecimal[] closes = Series.closes(n / SYMBOLS);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> p = TopicProbe.producer()) {
            for (int i = 0; i < n; i++) {
                int s = i % SYMBOLS, k = i / SYMBOLS;
                String symbol = prefix + s;
                p.send(new ProducerRecord<>("market_prices", symbol, Series.trade(symbol, k, closes[k], Series.T0 + k * 1_000L)));
                if (rate != Integer.MAX_VALUE && i % 1_000 == 999) pace(start, i + 1, rate);
            }
            p.flush();
        }
    }

    private static void pace(long start, int sent, int rate) {
        long due = start + (long) (sent * 1e9 / rate);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitTrades(double total) {
        Await.until(total + " trades processed", Duration.ofMinutes(5), () -> trades() >= total);
    }

    private double trades() {
        return meters.counter("detector.trades").count();
    }

    private static String rss() {
        try {
            return Arrays.stream(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/self/status")).split("\n"))
                    .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("?").replaceAll("\\s+", " ")
                    + " (whole test JVM: detector + in-JVM broker + test client)";
        } catch (Exception e) {
            return "?";
        }
    }
}

package dev.riskplatform.detector.bench;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.detector.support.Series;
import dev.riskplatform.detector.support.TestModels;
import dev.riskplatform.testsupport.RealInfrastructure;
import dev.riskplatform.io.topic.MarketPriceMessage;
import dev.riskplatform.testsupport.S3ProxyServer;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Benchmark harness, not a test (asserts nothing, off unless {@code -Dbench=true}). The broker and
 * S3Proxy run in this JVM (test-support); the detector runs as <b>its own process</b> from the
 * packaged {@code target/quarkus-app} with the heap given in {@code -Dbench.jvm}, so its RSS is its
 * own. Per repeat:
 * <ol>
 * <li>paced: 10 k trades/s offered; close latency = arrival of each bar's risk event at a consumer
 * of risk_events here minus the publish time of the trade that closed the bar (the event's
 * {@code lastTradePublishTime}: the newest publish time the symbol had seen when the bar closed);
 * the last bar of each symbol, closed by the idle timer, is left out;</li>
 * <li>burst: {@code bench.burst} trades published unpaced; sustained trades/s = trades / (time from
 * the first send until the detector counted them all);</li>
 * <li>swap: the same burst with a new model registered a third of the way in; the stream's gap
 * across the swap is the detector's own {@code detector_model_swap_pause} timer.</li>
 * </ol>
 * Run: bench/run-detector-bench.sh
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class DetectorBench {

    private static final int SYMBOLS = 10, RATE = 10_000;
    private static final int PACED = Integer.getInteger("bench.paced", 200_000);
    private static final int BURST = Integer.getInteger("bench.burst", 500_000);
    private static final int REPEATS = Integer.getInteger("bench.repeats", 3);
    /** Repeats run first and left out of the medians: the first one's p99 is JIT compilation (0.5-1 s), not the stream. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 1);
    private static final String JVM = System.getProperty("bench.jvm", "-Xmx96m -Xmn48m -XX:SurvivorRatio=4 -XX:+UseSerialGC -Xss512k");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Process detector;
    private int port;

    @Test
    void run() throws Exception {
        RealInfrastructure infra = RealInfrastructure.get();
        byte[] first = TestModels.artifact(1);
        TestModels.register(first, TestModels.contentSha(first));
        startDetector(infra);
        try (LatencyProbe probe = new LatencyProbe(infra.kafka().bootstrapServers())) {
            for (int w = 0; w < WARMUP; w++) {
                System.out.printf("BENCH warm-up repeat %d of %d (not in the medians)%n", w + 1, WARMUP);
                repeat("W" + w, 90 + w, probe);
            }
            List<double[]> rows = new ArrayList<>();
            for (int r = 0; r < REPEATS; r++) rows.add(repeat(Integer.toString(r), 100 + r, probe));
            report(rows);
        } finally {
            detector.destroy();
            detector.waitFor();
        }
    }

    /** One repeat: {p50, p99, trades/s, trades/s with swap, swap pause ms, RSS MB, HWM MB, heap used MB, trades/CPU-s}. */
    private double[] repeat(String r, int nextModel, LatencyProbe probe) throws Exception {
        String paced = "PACE" + r + "_";
        publish(paced, PACED, RATE);
        // Waits on the probe's own consumer, not on /q/metrics: a scrape costs the detector 10-18 ms of CPU
        // (824 series, mostly Kafka client metrics), and one every 100 ms was part of what this phase measured.
        Latencies l = probe.awaitBars(paced, SYMBOLS * (PACED / SYMBOLS / 60 - 1), Duration.ofSeconds(60));
        long[] lat = l.close();
        System.out.printf("BENCH   %s: paced phase done; load average %s%n", paced, loadAverage());
        double rssPaced = status("VmRSS");

        double burst = burst("BURST" + r + "_", null);
        double cpuRate = lastCpuRate;
        byte[] next = TestModels.artifact(nextModel); // fitted before the timed burst: its CPU is not the detector's
        double[] pauseBefore = swapPause();
        double swapBurst = burst("SWAP" + r + "_", next);
        double[] pauseAfter = swapPause();
        double pauseMs = pauseAfter[1] > pauseBefore[1] ? (pauseAfter[0] - pauseBefore[0]) / (pauseAfter[1] - pauseBefore[1]) * 1e3 : -1;

        double[] row = {pct(lat, 0.50), pct(lat, 0.99), burst, swapBurst, pauseMs, rssPaced, status("VmHWM"), heapUsedMb(), cpuRate};
        System.out.printf("BENCH repeat %s: paced %d trades/s, %d bars: close latency p50 %.0f ms, p99 %.0f ms (max %d ms) "
                        + "= trade publish -> detector emit p50 %.0f / p99 %.0f ms + emit -> consumer p50 %.0f / p99 %.0f ms; "
                        + "burst %.0f trades/s; burst with swap %.0f trades/s, swap pause %.2f ms; detector RSS %.0f MB (paced), "
                        + "peak %.0f MB, heap used %.0f MB%n", r, RATE, lat.length, row[0], row[1], lat.length == 0 ? -1 : lat[lat.length - 1],
                pct(l.in(), 0.50), pct(l.in(), 0.99), pct(l.out(), 0.50), pct(l.out(), 0.99),
                row[2], row[3], row[4], row[5], row[6], row[7]);
        return row;
    }

    /**
     * Publishes BURST trades unpaced (registering {@code model} a third of the way in) and returns
     * trades/s. The payloads are made before the clock starts, so the producer only sends.
     */
    private double burst(String prefix, byte[] model) throws Exception {
        List<ProducerRecord<String, String>> records = records(prefix, BURST);
        double before = trades();
        double cpu0 = cpuSeconds();
        long t0 = System.nanoTime();
        Runnable atThird = model == null ? null : () -> TestModels.register(model, TestModels.contentSha(model));
        try (KafkaProducer<String, String> p = producer()) {
            for (int i = 0; i < records.size(); i++) {
                p.send(records.get(i));
                if (atThird != null && i == records.size() / 3) new Thread(atThird, "bench-register").start();
            }
            p.flush();
        }
        double producerSecs = (System.nanoTime() - t0) / 1e9;
        Await.until(() -> trades() >= before + BURST, Duration.ofMinutes(5));
        double secs = (System.nanoTime() - t0) / 1e9;
        double cpu = cpuSeconds() - cpu0;
        lastCpuRate = BURST / cpu;
        System.out.printf("BENCH   %s: %d trades in %.2f s = %.0f trades/s (producer alone done after %.2f s); "
                        + "detector CPU %.1f s = %.0f trades per detector CPU-second; load average %s%n",
                prefix, BURST, secs, BURST / secs, producerSecs, cpu, BURST / cpu, loadAverage());
        return BURST / secs;
    }

    private double lastCpuRate;

    private static List<ProducerRecord<String, String>> records(String prefix, int n) {
        BigDecimal[] closes = Series.closes(n / SYMBOLS);
        long now = System.currentTimeMillis();
        List<ProducerRecord<String, String>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            int s = i % SYMBOLS, k = i / SYMBOLS;
            String symbol = prefix + s;
            Trade t = Trade.parse(symbol, k, closes[k].toPlainString(), "0.5", Series.T0 + k * 1_000L, k % 2 == 0);
            out.add(new ProducerRecord<>("market_prices", symbol, MarketPriceMessage.toJson(t, "replay", now)));
        }
        return out;
    }

    /** utime + stime of the detector process (/proc/PID/stat, clock ticks of 1/100 s). */
    private double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc/" + detector.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) / 100.0;
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).substring(0, 14).trim();
        } catch (Exception e) {
            return "?";
        }
    }

    /** {@code n} trades over SYMBOLS symbols, one second of event time apart per symbol, at most {@code rate}/s. */
    private void publish(String prefix, int n, int rate) {
        BigDecimal[] closes = Series.closes(n / SYMBOLS);
        long start = System.nanoTime();
        try (KafkaProducer<String, String> p = producer()) {
            for (int i = 0; i < n; i++) {
                int s = i % SYMBOLS, k = i / SYMBOLS;
                String symbol = prefix + s;
                p.send(new ProducerRecord<>("market_prices", symbol, Series.trade(symbol, k, closes[k], Series.T0 + k * 1_000L)));
                if (i % 100 == 99) pace(start, i + 1, rate);
            }
            p.flush();
        }
    }

    private static void pace(long start, int sent, int rate) {
        long wait = start + (long) (sent * 1e9 / rate) - System.nanoTime();
        if (wait > 0) sleep(wait / 1_000_000, (int) (wait % 1_000_000));
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, RealInfrastructure.get().kafka().bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        // What an ingestor would do: small batches, so paced trades are not held and bursts are batched.
        p.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "65536");
        return new KafkaProducer<>(p);
    }

    // ---- the detector process ----

    private void startDetector(RealInfrastructure infra) throws Exception {
        Path app = Path.of(System.getProperty("bench.app", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.exists(app)) throw new IllegalStateException(app + " missing: package the detector first (bench/run-detector-bench.sh does)");
        port = S3ProxyServer.freePort();
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElse("java"));
        cmd.addAll(Arrays.asList(JVM.trim().split("\\s+")));
        // An undefined profile: none of %prod's AWS credential chain or %test's DEBUG logging applies.
        cmd.add("-Dquarkus.profile=bench");
        cmd.add("-Dquarkus.http.port=" + port);
        infra.quarkusConfig().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(app.toString());
        Path log = Path.of("target/detector-bench-process.log").toAbsolutePath();
        detector = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        System.out.printf("BENCH detector process pid %d: %s (log %s)%n", detector.pid(), String.join(" ", cmd.subList(1, cmd.size())), log);
        Await.until(() -> get("/q/health/ready").startsWith("200"), Duration.ofMinutes(2));
        System.out.printf("BENCH detector ready; RSS %.0f MB before load%n", status("VmRSS"));
    }

    private double trades() {
        return metric("detector_trades_total");
    }

    /** {sum seconds, count} of the swap pause timer. */
    private double[] swapPause() {
        return new double[] {metric("detector_model_swap_pause_seconds_sum"), metric("detector_model_swap_pause_seconds_count")};
    }

    private double heapUsedMb() {
        double sum = 0;
        for (String line : get("/q/metrics").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{") && line.contains("area=\"heap\"")) sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return sum / 1e6;
    }

    private double metric(String name) {
        for (String line : get("/q/metrics").split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        return 0;
    }

    private String get(String path) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && path.equals("/q/metrics") ? r.body() : r.statusCode() + " " + r.body();
        } catch (Exception e) {
            return "down " + e;
        }
    }

    /** A line of /proc/PID/status of the detector process, in MB. */
    private double status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + detector.pid() + "/status"))) {
                if (line.startsWith(field + ":")) return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
            }
        } catch (Exception e) {
            // process gone: reported as -1
        }
        return -1;
    }

    // ---- reporting ----

    private static void report(List<double[]> rows) {
        String[] names = {"close latency p50 ms", "close latency p99 ms", "burst trades/s", "burst with swap trades/s",
                "swap pause ms", "detector RSS MB (after paced)", "detector peak RSS MB (VmHWM)", "detector heap used MB", "burst trades per detector CPU-second"};
        for (int c = 0; c < names.length; c++) {
            double[] col = new double[rows.size()];
            for (int r = 0; r < rows.size(); r++) col[r] = rows.get(r)[c];
            double[] sorted = col.clone();
            Arrays.sort(sorted);
            System.out.printf("BENCH median of %d: %s = %.2f (repeats %s)%n", rows.size(), names[c], sorted[sorted.length / 2], Arrays.toString(col));
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * q))];
    }

    private static void sleep(long ms, int nanos) {
        try {
            Thread.sleep(ms, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Per bar, sorted: close latency = in + out; in = emittedAt − lastTradePublishTime; out = arrival − emittedAt. */
    private record Latencies(long[] close, long[] in, long[] out) { }

    /** Reads risk_events from its end on its own thread and keeps arrival − lastTradePublishTime per bar of watched symbols. */
    private static final class LatencyProbe implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ConcurrentLinkedQueue<String[]> seen = new ConcurrentLinkedQueue<>();
        private final Thread thread;

        LatencyProbe(String bootstrap) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
            p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
            List<TopicPartition> parts = c.partitionsFor("risk_events").stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position); // resolve the end now, before anything is published
            thread = new Thread(() -> {
                try (c) {
                    while (running.get()) {
                        for (var r : c.poll(Duration.ofMillis(50))) {
                            long arrived = System.currentTimeMillis();
                            if (r.key() != null && r.key().startsWith("PACE")) seen.add(new String[] {r.key(), r.value(), Long.toString(arrived)});
                        }
                    }
                }
            }, "bench-latency-probe");
            thread.start();
        }

        /** Latencies (sorted) of the bars of {@code prefix}, each symbol's last bar (idle close) left out. */
        Latencies awaitBars(String prefix, int expected, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<String[]> mine;
            do {
                sleep(200, 0);
                mine = seen.stream().filter(s -> s[0].startsWith(prefix)).toList();
            } while (mine.size() < expected + SYMBOLS && System.nanoTime() < deadline);
            long[] maxOpen = new long[SYMBOLS];
            Arrays.fill(maxOpen, Long.MIN_VALUE);
            List<long[]> bars = new ArrayList<>();
            for (String[] s : mine) {
                var n = Series.parse(s[1]);
                int sym = Integer.parseInt(s[0].substring(prefix.length()));
                long open = n.get("openTime").asLong();
                maxOpen[sym] = Math.max(maxOpen[sym], open);
                long published = n.get("lastTradePublishTime").asLong();
                long emitted = n.get("emittedAt").asLong();
                long arrived = Long.parseLong(s[2]);
                bars.add(new long[] {sym, open, arrived - published, emitted - published, arrived - emitted});
            }
            List<long[]> kept = bars.stream().filter(b -> b[1] < maxOpen[(int) b[0]]).toList();
            return new Latencies(column(kept, 2), column(kept, 3), column(kept, 4));
        }

        private static long[] column(List<long[]> rows, int c) {
            return rows.stream().mapToLong(b -> b[c]).sorted().toArray();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    /** Polls without JUnit's fail (the harness reports, it does not assert). */
    private static final class Await {
        static void until(java.util.function.BooleanSupplier condition, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) throw new IllegalStateException("bench timed out");
                sleep(100, 0);
            }
        }
    }
}

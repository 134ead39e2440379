package dev.riskplatform.batch.bench;

import dev.riskplatform.batch.input.DayInput;
import dev.riskplatform.batch.input.PartitionReader;
import dev.riskplatform.batch.input.RangeInput;
import dev.riskplatform.batch.input.RawBarSource;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.DailyRiskCalculator;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.core.risk.DayScores;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.service.storage.ObjectStore;
import dev.riskplatform.service.storage.StorageConfig;
import dev.riskplatform.testsupport.S3ProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Not a test: the same year as {@link DailyMetricsBench}, stored in S3Proxy as 365 daily raw/bars/
 * partitions (one Parquet file + _manifest.json each), read through the service's own input path
 * ({@link RangeInput} as BatchRunner uses it: manifest GET, file GET, size + SHA-256 check, columnar
 * decode, validation; args[1] days read ahead), days in date order, then risk-core's daily metrics. Also timed alone, to see
 * where the time goes: the 730 GETs, and the CPU part (check, decode, validate, metrics) from memory.
 * Args: repeats [days in flight, default 8] [checksums: sdk (SDK default) | required (only when the
 * operation requires them), default sdk]. The SDK's URL-connection client, as the service
 * ({@code quarkus.s3.sync-client.type=url}); its idle connection pool is the JDK's, sized by {@code -Dhttp.maxConnections}.
 */
public final class DailyMetricsS3Bench {

    private static final String BUCKET = "bench";
    private static final String SYMBOL = "BTCUSDT";
    private static final BarInterval M1 = BarInterval.parse("1m");

    public static void main(String[] args) throws Exception {
        int repeats = Integer.parseInt(args[0]);
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        String checksums = args.length > 2 ? args[2] : "sdk";
        try (S3ProxyServer proxy = new S3ProxyServer(S3ProxyServer.locateJar(), Files.createTempDirectory("s3bench"), S3ProxyServer.freePort())) {
            proxy.start();
            S3Client s3 = client(proxy.endpoint(), checksums);
            s3.createBucket(b -> b.bucket(BUCKET));
            upload(s3, DailyMetricsBench.year());
            ObjectStore store = new ObjectStore(s3, bucket());
            RawBarSource source = new RawBarSource(new PartitionReader(store));
            ExecutorService pool = Executors.newFixedThreadPool(inFlight);
            String setup = inFlight + " days read ahead / in flight, checksums " + checksums
                    + ", aws.responseChecksumValidation " + System.getProperty("aws.responseChecksumValidation", "(SDK default)")
                    + ", http.maxConnections " + System.getProperty("http.maxConnections", "5 (JDK default)");
            time("ours from S3Proxy end to end (RangeInput + DailyRiskCalculator, " + setup + ")", repeats, () -> service(source, inFlight));
            time("GETs only (manifest + file per day, " + setup + ")", repeats,
                    () -> (double) all(pool, d -> gets(store, d)).stream().mapToInt(b -> b.length).sum());
            List<byte[]> files = all(pool, d -> gets(store, d));
            time("CPU only, 1 thread: SHA-256 check + decode + validate + metrics from memory", repeats, () -> cpuOnly(files));
            cpuTime(repeats, files);
            pool.shutdown();
            s3.close();
        }
    }

    static S3Client client(String endpoint, String checksums) {
        var b = S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create());
        if (checksums.equals("required")) {
            b.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return b.build();
    }

    private static StorageConfig bucket() {
        return StorageConfig.of(BUCKET);
    }

    static void upload(S3Client s3, List<Bar> year) {
        BarParquet codec = new BarParquet();
        for (int d = 0; d < DailyMetricsBench.DAYS; d++) {
            String prefix = prefix(d);
            byte[] file = codec.write(year.subList(d * 1440, (d + 1) * 1440));
            String key = PartitionKeys.part(prefix, "0");
            s3.putObject(b -> b.bucket(BUCKET).key(key), software.amazon.awssdk.core.sync.RequestBody.fromBytes(file));
            byte[] manifest = Manifest.of(List.of(Manifest.Entry.of(key, file)), 0).toJson();
            s3.putObject(b -> b.bucket(BUCKET).key(PartitionKeys.manifest(prefix)), software.amazon.awssdk.core.sync.RequestBody.fromBytes(manifest));
        }
    }

    /** As BatchRunner: days in date order from one RangeInput, {@code readAhead} days fetched ahead. */
    static double service(RawBarSource source, int readAhead) {
        RangeInput in = source.range(SYMBOL, M1, date(DailyMetricsBench.DAYS - 1), readAhead);
        double check = 0;
        for (int d = 0; d < DailyMetricsBench.DAYS; d++) check += metrics(in.day(date(d)), d).intraday1m().var95();
        return check;
    }

    /** What DayJob computes from the day's input (no history, no scores: those are not input). */
    static DailyRiskMetrics metrics(DayInput in, int d) {
        return DailyRiskCalculator.compute(SYMBOL, date(d), in.day().columns(), new double[0],
                new DayScores(0, null, "none", 0), in.day().completeness());
    }

    /** The manifest and the file it names, as the reader GETs them, without check or decode. */
    static byte[] gets(ObjectStore store, int d) {
        Manifest m = Manifest.parse(store.get(PartitionKeys.manifest(prefix(d))).orElseThrow());
        return store.get(m.files().get(0).key()).orElseThrow();
    }

    static double cpuOnly(List<byte[]> files) {
        double check = 0;
        for (int d = 0; d < files.size(); d++) {
            byte[] f = Manifest.Entry.of("k", files.get(d)).verify(files.get(d));
            var day = dev.riskplatform.batch.input.BarValidator.validate(SYMBOL, M1, date(d),
                    List.of(dev.riskplatform.io.BarColumnsParquet.readRaw(f)));
            check += DailyRiskCalculator.compute(SYMBOL, date(d), day.columns(), new double[0],
                    new DayScores(0, null, "none", 0), day.completeness()).intraday1m().var95();
        }
        return check;
    }

    /** The same CPU part as thread CPU seconds: less at the mercy of the shared machine's load than wall time. */
    static void cpuTime(int repeats, List<byte[]> files) {
        var mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] cpu = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t = mx.getCurrentThreadCpuTime();
            cpuOnly(files);
            cpu[i] = (mx.getCurrentThreadCpuTime() - t) / 1e9;
        }
        DailyMetricsBench.report("CPU only, thread CPU seconds (not wall)", cpu);
    }

    interface Day<T> {
        T run(int d) throws Exception;
    }

    static <T> List<T> all(ExecutorService pool, Day<T> day) throws Exception {
        List<Future<T>> futures = new ArrayList<>();
        for (int d = 0; d < DailyMetricsBench.DAYS; d++) {
            int at = d;
            futures.add(pool.submit(() -> day.run(at)));
        }
        List<T> out = new ArrayList<>();
        for (Future<T> f : futures) out.add(f.get());
        return out;
    }

    static void time(String name, int repeats, Callable<Double> work) throws Exception {
        double[] times = new double[repeats];
        double check = 0;
        for (int i = 0; i < repeats; i++) {
            long t = System.nanoTime();
            check = work.call();
            times[i] = (System.nanoTime() - t) / 1e9;
        }
        DailyMetricsBench.report(name, times);
        System.out.printf("check: %.12f%n", check);
    }

    private static LocalDate date(int d) {
        return DailyMetricsBench.FIRST.plusDays(d);
    }

    private static String prefix(int d) {
        return PartitionKeys.barsPrefix(SYMBOL, M1, date(d));
    }
}

package dev.riskplatform.batch.bench;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.DailyRiskCalculator;
import dev.riskplatform.core.risk.DailyRiskMetrics;
import dev.riskplatform.core.risk.DayBars;
import dev.riskplatform.core.risk.DayCompleteness;
import dev.riskplatform.core.risk.DayScores;
import dev.riskplatform.io.BarColumnsParquet;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.Manifest;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.testsupport.S3ProxyServer;
import java.net.URI;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Not a test: the same year as {@link DailyMetricsBench}, stored in S3Proxy as 365 daily raw/bars/
 * partitions (one Parquet file + _manifest.json each). Timed end to end: for every day GET the manifest,
 * GET the file it names (args[1] requests in flight, default 8), check its SHA-256, read the columns, compute the metrics.
 * Args: repeats [in-flight requests].
 */
public final class DailyMetricsS3Bench {

    private static final String BUCKET = "bench";
    private static final BarInterval M1 = BarInterval.parse("1m");

    public static void main(String[] args) throws Exception {
        int repeats = Integer.parseInt(args[0]);
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        try (S3ProxyServer proxy = new S3ProxyServer(S3ProxyServer.locateJar(), Files.createTempDirectory("s3bench"), S3ProxyServer.freePort())) {
            proxy.start();
            S3Client s3 = S3Client.builder().endpointOverride(URI.create(proxy.endpoint())).region(Region.US_EAST_1).forcePathStyle(true)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3ProxyServer.ACCESS_KEY, S3ProxyServer.SECRET_KEY)))
                    .httpClient(UrlConnectionHttpClient.create()).build();
            s3.createBucket(b -> b.bucket(BUCKET));
            upload(s3, DailyMetricsBench.year());
            ExecutorService pool = Executors.newFixedThreadPool(inFlight);
            double[] times = new double[repeats];
            double check = 0;
            for (int i = 0; i < repeats; i++) {
                long t = System.nanoTime();
                check = run(s3, pool).stream().mapToDouble(m -> m.var95()).sum();
                times[i] = (System.nanoTime() - t) / 1e9;
            }
            pool.shutdown();
            DailyMetricsBench.report("ours from S3Proxy (365 partitions, manifest + file GETs, " + inFlight + " in flight)", times);
            System.out.printf("check: sum of var95 %.12f%n", check);
        }
    }

    static void upload(S3Client s3, List<Bar> year) {
        BarParquet codec = new BarParquet();
        for (int d = 0; d < DailyMetricsBench.DAYS; d++) {
            String prefix = prefix(d);
            byte[] file = codec.write(year.subList(d * 1440, (d + 1) * 1440));
            String key = PartitionKeys.part(prefix, "0");
            s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(file));
            byte[] manifest = Manifest.of(List.of(Manifest.Entry.of(key, file)), 0).toJson();
            s3.putObject(b -> b.bucket(BUCKET).key(PartitionKeys.manifest(prefix)), RequestBody.fromBytes(manifest));
        }
    }

    static List<DailyRiskMetrics> run(S3Client s3, ExecutorService pool) throws Exception {
        List<Future<DailyRiskMetrics>> days = new ArrayList<>();
        for (int d = 0; d < DailyMetricsBench.DAYS; d++) {
            int day = d;
            days.add(pool.submit(() -> day(s3, day)));
        }
        List<DailyRiskMetrics> out = new ArrayList<>();
        for (Future<DailyRiskMetrics> f : days) out.add(f.get());
        return out;
    }

    static DailyRiskMetrics day(S3Client s3, int d) {
        String prefix = prefix(d);
        Manifest m = Manifest.parse(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(PartitionKeys.manifest(prefix))).asByteArray());
        Manifest.Entry e = m.files().get(0);
        byte[] file = e.verify(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(e.key())).asByteArray());
        BarColumnsParquet.BarColumns c = BarColumnsParquet.read(file);
        DayBars bars = new DayBars(c.openTime(), c.open(), c.high(), c.low(), c.close());
        return DailyRiskCalculator.compute("BTCUSDT", date(d), bars, new double[0], new DayScores(0, null, "none", 0),
                new DayCompleteness(bars.size(), 1440, 0, 0));
    }

    private static LocalDate date(int d) {
        return DailyMetricsBench.FIRST.plusDays(d);
    }

    private static String prefix(int d) {
        return PartitionKeys.barsPrefix("BTCUSDT", M1, date(d));
    }
}

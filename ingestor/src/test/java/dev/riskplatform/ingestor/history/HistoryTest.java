package dev.riskplatform.ingestor.history;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.ingestor.storage.PartitionWriter;
import dev.riskplatform.io.BarParquet;
import dev.riskplatform.io.PartitionKeys;
import dev.riskplatform.io.Sha256;
import dev.riskplatform.testsupport.RealInfrastructureResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(RealInfrastructureResource.class)
class HistoryTest {

    private static final BarInterval M1 = BarInterval.parse("1m");

    @Inject KlineBackfill backfill;
    @Inject PartitionWriter writer;

    private List<Bar> bars(String symbol, LocalDate day) {
        return writer.readAll(PartitionKeys.barsPrefix(symbol, M1, day), new BarParquet()::read);
    }

    @Test
    void klinesArePagedThrough429IntoDailyPartitionsIdempotently() throws Exception {
        long from = Instant.parse("2024-03-01T00:00:00Z").toEpochMilli();
        long to = from + 2_500 * 60_000L; // 2,500 bars: three pages, two UTC days
        try (FakeKlinesServer server = new FakeKlinesServer()) {
            KlinesClient client = new KlinesClient(server.uri(), 3000);
            KlineBackfill.Result first = backfill.run(client, "KLNUSDT", M1, from, to);
            assertEquals(2_500, first.bars());
            assertEquals(0, first.missingBars());
            assertEquals(1 + 3, server.requests.get(), "one 429 honoured with Retry-After, then three pages of ≤ 1000");
            assertEquals(1_440, bars("KLNUSDT", LocalDate.of(2024, 3, 1)).size());
            List<Bar> day2 = bars("KLNUSDT", LocalDate.of(2024, 3, 2));
            assertEquals(1_060, day2.size());
            assertEquals(Instant.parse("2024-03-02T00:00:00Z").toEpochMilli(), day2.get(0).openTime());
            assertEquals(42, day2.get(0).tradeCount());

            KlineBackfill.Result again = backfill.run(client, "KLNUSDT", M1, from, to);
            assertEquals(first.files(), again.files(), "a re-run writes the same content-named files");
            assertEquals(1, writer.manifest(PartitionKeys.barsPrefix("KLNUSDT", M1, LocalDate.of(2024, 3, 1))).orElseThrow().files().size());
            assertEquals(1_440, bars("KLNUSDT", LocalDate.of(2024, 3, 1)).size(), "nothing doubled");
        }
    }

    @Test
    void http451NamesTheMarketDataHost() throws Exception {
        try (FakeKlinesServer server = new FakeKlinesServer()) {
            server.tooMany.set(0);
            var e = assertThrows(BinanceRestException.class, () -> backfill.run(new KlinesClient(server.uri(), 3000), "BLOCKED", M1, 0, 60_000));
            assertEquals(451, e.status());
            assertTrue(e.getMessage().contains("https://data-api.binance.vision"), e.getMessage());
        }
    }

    @Test
    void dumpsInMillisAndMicrosLandOnTheirUtcDatesAndABadChecksumIsRefused() throws Exception {
        Path dir = Files.createTempDirectory("dumps");
        long msOpen = Instant.parse("2024-12-31T23:57:00Z").toEpochMilli();
        long usOpen = Instant.parse("2025-01-01T00:00:00Z").toEpochMilli() * 1000;
        dump(dir, "DUMPUSDT-1m-2024-12-31.zip", rows(msOpen, 60_000L, 59_999L), true);
        dump(dir, "DUMPUSDT-1m-2025-01-01.zip", rows(usOpen, 60_000_000L, 59_999_999L), true);
        dump(dir, "DUMPUSDT-1m-2025-01-02.zip", rows(usOpen + 86_400_000_000L, 60_000_000L, 59_999_999L), false);

        List<String> statuses = given().post("/import/dumps?dir=" + dir).then().statusCode(200).extract().jsonPath().getList("status");
        assertEquals(List.of("imported", "imported", "refused"), statuses);
        String reason = given().post("/import/dumps?dir=" + dir).then().extract().jsonPath().getString("[2].reason");
        assertTrue(reason.startsWith("SHA-256 mismatch"), reason);

        List<Bar> dec31 = bars("DUMPUSDT", LocalDate.of(2024, 12, 31));
        assertEquals(List.of(msOpen, msOpen + 60_000, msOpen + 120_000), dec31.stream().map(Bar::openTime).toList());
        List<Bar> jan1 = bars("DUMPUSDT", LocalDate.of(2025, 1, 1));
        assertEquals(usOpen / 1000, jan1.get(0).openTime(), "µs read as µs, not as a date in 58,000 AD");
        assertEquals(3, jan1.size());
        assertEquals(List.of(), bars("DUMPUSDT", LocalDate.of(2025, 1, 2)), "nothing from the refused file");
    }

    /** Three rows in the spot kline CSV format, no header. */
    private static String rows(long open, long step, long closeOffset) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            long o = open + i * step;
            sb.append(o).append(",42000.01,42010.00,41990.00,42005.20,12.5,").append(o + closeOffset)
                    .append(",525065.0,311,6.1,256000.0,0\n");
        }
        return sb.toString();
    }

    private static void dump(Path dir, String name, String csv, boolean goodChecksum) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name.replace(".zip", ".csv")));
            zip.write(csv.getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        Files.write(dir.resolve(name), bytes.toByteArray());
        String sha = goodChecksum ? Sha256.hex(bytes.toByteArray()) : Sha256.hex(new byte[] {1});
        Files.writeString(dir.resolve(name + ".CHECKSUM"), sha + "  " + name + "\n");
    }
}

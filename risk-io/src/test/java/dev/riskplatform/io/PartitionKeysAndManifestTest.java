package dev.riskplatform.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.BarInterval;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PartitionKeysAndManifestTest {

    @Test
    void keysFollowDocsStorage() {
        LocalDate d = LocalDate.of(2013, 11, 30);
        assertEquals("raw/trades/symbol=BTCUSDT/date=2013-11-30/", PartitionKeys.tradesPrefix("BTCUSDT", d));
        assertEquals("raw/bars/symbol=BTCUSDT/interval=1m/date=2013-11-30/",
                PartitionKeys.barsPrefix("btcusdt", BarInterval.parse("1m"), d));
        assertEquals("raw/trades/symbol=BTCUSDT/date=2013-11-30/part-abc.parquet",
                PartitionKeys.part(PartitionKeys.tradesPrefix("BTCUSDT", d), "abc"));
        assertEquals("raw/trades/symbol=BTCUSDT/date=2013-11-30/_manifest.json",
                PartitionKeys.manifest(PartitionKeys.tradesPrefix("BTCUSDT", d)));
    }

    @Test
    void datesAreUtcDays() {
        assertEquals(LocalDate.of(2013, 11, 30), PartitionKeys.utcDate(1_385_855_999_999L)); // 23:59:59.999Z
        assertEquals(LocalDate.of(2013, 12, 1), PartitionKeys.utcDate(1_385_856_000_000L));
    }

    @Test
    void symbolsThatWouldEscapeThePartitionAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> PartitionKeys.tradesPrefix("../x", LocalDate.EPOCH));
        assertThrows(IllegalArgumentException.class, () -> PartitionKeys.part("raw/", "a/b"));
    }

    @Test
    void manifestRoundTripsAndVerifiesContent() {
        byte[] a = "file a".getBytes(StandardCharsets.UTF_8);
        Manifest m = Manifest.of(List.of(Manifest.Entry.of("raw/x/part-a.parquet", a)), 1L)
                .with(Manifest.Entry.of("raw/x/part-b.parquet", new byte[] {1, 2}), 2L);
        Manifest back = Manifest.parse(m.toJson());
        assertEquals(m, back);
        assertEquals(64, back.files().get(0).sha256().length());
        assertArrayEquals(a, back.files().get(0).verify(a));
        var e = assertThrows(IllegalStateException.class, () -> back.files().get(0).verify("file b".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("does not match its manifest entry"), e.getMessage());
    }

    @Test
    void replacingAnEntryKeepsOneEntryPerKey() {
        Manifest m = Manifest.of(List.of(Manifest.Entry.of("k", new byte[] {1})), 1L)
                .with(Manifest.Entry.of("k", new byte[] {2, 3}), 2L);
        assertEquals(1, m.files().size());
        assertEquals(2, m.files().get(0).size());
    }

    @Test
    void garbageIsNotAManifest() {
        assertThrows(IllegalArgumentException.class, () -> Manifest.parse("{nope".getBytes(StandardCharsets.UTF_8)));
    }
}

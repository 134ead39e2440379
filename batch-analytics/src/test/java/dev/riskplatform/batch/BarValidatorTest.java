package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.batch.input.BarValidator;
import dev.riskplatform.batch.input.ValidatedDay;
import dev.riskplatform.core.market.Bar;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Duplicates, gaps and out-of-range rows are counted per day, excluded from the clean bars, never lost. */
class BarValidatorTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 1);

    @Test
    void countsEveryExcludedRowByKind() {
        List<RawBar> day = BatchFixtures.day("BTCUSDT", DAY, 5, 40_000);
        Random rnd = new Random(3);
        Set<Long> removed = new HashSet<>();
        while (removed.size() < 17) removed.add(day.get(rnd.nextInt(1440)).openTime());
        List<RawBar> rows = new ArrayList<>(day.stream().filter(b -> !removed.contains(b.openTime())).toList());
        List<RawBar> kept = List.copyOf(rows);
        rows.add(kept.get(10)); // exact duplicate
        rows.add(kept.get(20)); // exact duplicate
        List<RawBar> invalid = invalidRows(kept.get(30));
        rows.addAll(invalid);

        ValidatedDay v = BarValidator.validate("BTCUSDT", BatchFixtures.M1, DAY, List.of(BatchFixtures.columns(rows)));

        assertEquals(kept.size(), v.completeness().barsPresent());
        assertEquals(removed.size(), v.completeness().gaps());
        assertEquals(2, v.completeness().duplicates());
        assertEquals(invalid.size(), v.completeness().invalid());
        assertEquals(rows.size(), v.completeness().barsPresent() + v.completeness().duplicates() + v.completeness().invalid());
        for (int i = 1; i < v.bars().size(); i++) assertTrue(v.bars().get(i).openTime() > v.bars().get(i - 1).openTime());
        assertTrue(v.bars().stream().map(Bar::openTime).noneMatch(removed::contains));
    }

    /** A day split over files (manifest order): a row repeated in a later file is a duplicate, the first is kept. */
    @Test
    void duplicatesAcrossFilesKeepTheFirstFile() {
        List<RawBar> day = BatchFixtures.day("BTCUSDT", DAY, 6, 40_000);
        RawBar first = day.get(100);
        RawBar later = BatchFixtures.bar("BTCUSDT", first.openTime(), first.open(), first.high() * 1.001, first.low(), first.close());
        ValidatedDay v = BarValidator.validate("BTCUSDT", BatchFixtures.M1, DAY, List.of(
                BatchFixtures.columns(day.subList(0, 720)), BatchFixtures.columns(List.of(later)), BatchFixtures.columns(day.subList(720, 1440))));
        assertEquals(1440, v.completeness().barsPresent());
        assertEquals(1, v.completeness().duplicates());
        assertEquals(0, v.completeness().invalid());
        assertEquals(first.high(), v.bars().get(100).high(), 0.0);
    }

    /** Stored gap bars are kept in the bars but are not present (observed) bars; a real bar of the same minute replaces one. */
    @Test
    void gapBarsAreNotPresentAndARealBarReplacesOne() {
        List<RawBar> day = BatchFixtures.day("BTCUSDT", DAY, 7, 40_000);
        List<RawBar> rows = new ArrayList<>(day);
        for (int i = 200; i < 210; i++) {
            RawBar b = day.get(i), prev = day.get(i - 1);
            rows.set(i, new RawBar("BTCUSDT", "1m", b.openTime(), b.closeTime(), prev.close(), prev.close(), prev.close(),
                    prev.close(), 0, 0, prev.close(), 0, -1, -1, true));
        }
        rows.add(day.get(205)); // the real bar of minute 205 arrives later (a backfill)
        ValidatedDay v = BarValidator.validate("BTCUSDT", BatchFixtures.M1, DAY, List.of(BatchFixtures.columns(rows)));
        assertEquals(1431, v.completeness().barsPresent());
        assertEquals(9, v.completeness().gaps());
        assertEquals(1, v.completeness().duplicates(), "the gap bar the real one replaced");
        assertEquals(1440, v.bars().size());
        assertEquals(false, v.bars().get(205).gap());
        assertEquals(9, v.bars().stream().filter(Bar::gap).count());
    }

    /** One row per out-of-range rule, derived from a valid bar (an invalid row must never shadow a valid one as "duplicate"). */
    private static List<RawBar> invalidRows(RawBar b) {
        long t = b.openTime();
        return List.of(
                BatchFixtures.bar("BTCUSDT", t, b.open(), b.high(), b.low(), -1),                  // non-positive close
                BatchFixtures.bar("BTCUSDT", t, b.open(), Double.NaN, b.low(), b.close()),         // non-finite high
                BatchFixtures.bar("BTCUSDT", t, b.open(), b.low() * 0.9, b.low(), b.low() * 0.95), // high < low
                BatchFixtures.bar("BTCUSDT", t, b.open(), b.high(), b.low(), b.high() * 1.01),     // close above high
                BatchFixtures.bar("BTCUSDT", t, b.low() * 0.5, b.high(), b.low(), b.close()),      // open below low
                BatchFixtures.bar("BTCUSDT", t + 86_400_000L, b.open(), b.high(), b.low(), b.close()), // next day
                BatchFixtures.bar("ETHUSDT", t, b.open(), b.high(), b.low(), b.close()),           // other symbol
                new RawBar("BTCUSDT", "5m", t, t + 59_999, b.open(), b.high(), b.low(), b.close(), 1, 1, 1, 1, 1, 1, false), // other interval
                new RawBar("BTCUSDT", "1m", t, t + 60_000, b.open(), b.high(), b.low(), b.close(), 1, 1, 1, 1, 1, 1, false), // bad close time
                new RawBar("BTCUSDT", "1m", t + 1, t + 60_000, b.open(), b.high(), b.low(), b.close(), 1, 1, 1, 1, 1, 1, false), // not aligned
                new RawBar("BTCUSDT", "1m", t, t + 59_999, b.open(), b.high(), b.low(), b.close(), -1, 1, 1, 1, 1, 1, false), // negative volume
                new RawBar("BTCUSDT", "1m", t, t + 59_999, b.open(), b.high(), b.low(), b.close(), Double.NaN, 1, 1, 1, 1, 1, false)); // NaN volume
    }
}

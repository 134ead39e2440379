package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.riskplatform.batch.input.DayInput;
import dev.riskplatform.batch.input.RangeInput;
import dev.riskplatform.batch.input.RawBarSource;
import dev.riskplatform.batch.input.ValidatedDay;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.risk.DayCompleteness;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A range run reads each raw day once (a day is also the next one's look-back), ahead, never past the range. */
class RangeInputTest {

    private static final LocalDate D = LocalDate.of(2024, 2, 10);

    /** Counts reads per day; the 13th fails as a corrupt file would. */
    private static final class CountingSource extends RawBarSource {
        final Map<LocalDate, Integer> reads = new ConcurrentHashMap<>();

        CountingSource() {
            super(null);
        }

        @Override
        public DayInput readDay(String symbol, BarInterval interval, LocalDate date) {
            reads.merge(date, 1, Integer::sum);
            if (date.getDayOfMonth() == 13) throw new IllegalStateException("raw/.../part-x.parquet: not a Parquet file");
            return new DayInput(new ValidatedDay(date, List.of(), new DayCompleteness(0, 1440, 0, 0)), true, true, 1);
        }
    }

    @Test
    void eachDayIsReadOnceAndAheadWithinTheRange() {
        CountingSource source = new CountingSource();
        RangeInput range = source.range("BTCUSDT", BatchFixtures.M1, D.plusDays(2), 4);
        for (LocalDate d = D; !d.isAfter(D.plusDays(2)); d = d.plusDays(1)) {
            DayInput day = range.day(d);
            assertSame(day, range.day(d));
            range.day(d.minusDays(1)); // the look-back, as DayJob reads it
        }
        assertEquals(Map.of(D.minusDays(1), 1, D, 1, D.plusDays(1), 1, D.plusDays(2), 1), source.reads);
    }

    @Test
    void aFailedReadFailsItsDayWithTheReaderMessage() {
        CountingSource source = new CountingSource();
        RangeInput range = source.range("BTCUSDT", BatchFixtures.M1, D.plusDays(5), 4);
        range.day(D);
        var e = assertThrows(IllegalStateException.class, () -> range.day(D.plusDays(3)));
        assertEquals("raw/.../part-x.parquet: not a Parquet file", e.getMessage());
        assertEquals(D.plusDays(4), range.day(D.plusDays(4)).day().date());
    }
}

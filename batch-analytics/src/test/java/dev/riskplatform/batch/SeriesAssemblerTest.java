package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.batch.input.BarValidator;
import dev.riskplatform.batch.processing.SeriesAssembler;
import dev.riskplatform.core.market.Bar;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The day starts warm: look-back of warmUp bars (+ one anchor) before midnight, missing minutes gap-filled. */
class SeriesAssemblerTest {

    private static final LocalDate DAY = LocalDate.of(2024, 3, 2);

    @Test
    void lookbackIsTrimmedToWarmUpAndGapsAreFilled() {
        List<Bar> prev = clean(DAY.minusDays(1), 1);
        List<Bar> day = clean(DAY, 2);
        List<Bar> holey = new java.util.ArrayList<>(day);
        holey.remove(100);
        holey.remove(100); // minutes 100 and 101 missing
        holey.remove(0);   // the day's first minute missing too
        int warmUp = 31;
        long dayStart = BatchFixtures.dayStart(DAY);

        SeriesAssembler.Series s = SeriesAssembler.assemble(prev, holey, dayStart, warmUp);

        assertEquals(dayStart - (warmUp + 1) * 60_000L, s.bars().get(0).openTime(), "warm-up bars plus one anchor");
        assertEquals(dayStart, s.bars().get(s.dayIndex()).openTime());
        assertEquals(1440, s.bars().size() - s.dayIndex(), "day rows are contiguous after the fill");
        for (int i = 1; i < s.bars().size(); i++) {
            assertEquals(s.bars().get(i - 1).openTime() + 60_000L, s.bars().get(i).openTime());
        }
        List<Bar> gaps = s.bars().stream().filter(Bar::gap).toList();
        assertEquals(3, gaps.size());
        assertTrue(gaps.stream().allMatch(g -> g.close() == s.bars().get(s.bars().indexOf(g) - 1).close()));
    }

    private static List<Bar> clean(LocalDate d, long seed) {
        return BarValidator.validate("BTCUSDT", BatchFixtures.M1, d, List.of(BatchFixtures.columns(BatchFixtures.day("BTCUSDT", d, seed, 40_000)))).bars();
    }
}

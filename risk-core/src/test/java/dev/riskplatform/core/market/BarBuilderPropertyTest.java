package dev.riskplatform.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Seeded random streams checked against {@link ReferenceBars}. */
class BarBuilderPropertyTest {

    private static final String SYM = "BTCUSDT";

    private static List<Bar> stream(BarInterval iv, long lateness, List<Trade> arrival, BarBuilder[] keep) {
        List<Bar> out = new ArrayList<>();
        BarBuilder b = new BarBuilder(SYM, iv, lateness, out::add);
        arrival.forEach(b::onTrade);
        b.flush();
        keep[0] = b;
        return out;
    }

    /** Arrival order = trade time + a random delay below the lateness bound: never late. */
    private static List<Trade> shuffleWithin(List<Trade> sorted, long lateness, Random rnd) {
        record Arrival(Trade t, long at, int tie) {}
        List<Arrival> a = new ArrayList<>();
        for (Trade t : sorted) a.add(new Arrival(t, t.tradeTime() + rnd.nextLong(lateness), rnd.nextInt()));
        a.sort(Comparator.comparingLong(Arrival::at).thenComparingInt(Arrival::tie));
        return a.stream().map(Arrival::t).toList();
    }

    @ParameterizedTest
    @CsvSource({"1s, 2000, 11", "5s, 2000, 12", "1m, 30000, 13"})
    void anyArrivalOrderWithinLatenessGivesTheReferenceBars(String code, long lateness, long seed) {
        BarInterval iv = BarInterval.parse(code);
        Random rnd = new Random(seed);
        List<Trade> sorted = RandomTrades.sorted(rnd, SYM, 20_000, iv.millis() / 2);
        List<Bar> expected = ReferenceBars.build(SYM, iv, sorted);
        BarBuilder[] b = new BarBuilder[1];
        assertEquals(expected, BarBuilder.buildAll(SYM, iv, lateness, sorted));
        for (int round = 0; round < 3; round++) {
            assertEquals(expected, stream(iv, lateness, shuffleWithin(sorted, lateness, rnd), b));
            assertEquals(0, b[0].lateCount());
            assertEquals(sorted.size(), b[0].acceptedCount());
        }
    }

    @ParameterizedTest
    @CsvSource({"1s, 2000, 21", "1m, 2000, 22"})
    void duplicatesAreDroppedAndCounted(String code, long lateness, long seed) {
        BarInterval iv = BarInterval.parse(code);
        Random rnd = new Random(seed);
        List<Trade> sorted = RandomTrades.sorted(rnd, SYM, 10_000, iv.millis() / 3);
        List<Trade> arrival = new ArrayList<>(sorted);
        int copies = 0;
        for (int i = 0; i < sorted.size(); i += 1 + rnd.nextInt(20)) {
            // A replay lands anywhere after the original: inside its open bar or long after it closed.
            int at = Math.min(arrival.size(), arrival.indexOf(sorted.get(i)) + 1 + rnd.nextInt(200));
            arrival.add(at, sorted.get(i));
            copies++;
        }
        BarBuilder[] b = new BarBuilder[1];
        assertEquals(ReferenceBars.build(SYM, iv, sorted), stream(iv, lateness, arrival, b));
        assertEquals(copies, b[0].duplicateCount());
        assertEquals(0, b[0].lateCount());
    }

    @ParameterizedTest
    @CsvSource({"1s, 2000, 31", "1m, 2000, 32"})
    void tradesForClosedBarsAreLateAndLeaveBarsUnchanged(String code, long lateness, long seed) {
        BarInterval iv = BarInterval.parse(code);
        Random rnd = new Random(seed);
        List<Trade> sorted = RandomTrades.sorted(rnd, SYM, 10_000, iv.millis() / 3);
        List<Trade> arrival = new ArrayList<>();
        long maxSeen = Long.MIN_VALUE, nextId = 10_000_000;
        int injected = 0;
        for (Trade t : sorted) {
            arrival.add(t);
            maxSeen = Math.max(maxSeen, t.tradeTime());
            if (rnd.nextInt(25) == 0) {
                // Strictly older than watermark - interval: its bar is certainly closed.
                long time = maxSeen - lateness - iv.millis() - rnd.nextInt(5_000);
                arrival.add(Trade.parse(SYM, nextId++, "1.5", "2", time, false));
                injected++;
            }
        }
        BarBuilder[] b = new BarBuilder[1];
        assertEquals(ReferenceBars.build(SYM, iv, sorted), stream(iv, lateness, arrival, b));
        assertEquals(injected, b[0].lateCount());
        assertEquals(0, b[0].duplicateCount());
    }
}

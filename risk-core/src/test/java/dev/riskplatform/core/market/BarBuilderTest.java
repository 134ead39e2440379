package dev.riskplatform.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-sized scenarios for each rule; the randomized properties are in BarBuilderPropertyTest. */
class BarBuilderTest {

    private static final BarInterval M1 = BarInterval.parse("1m");
    private final List<Bar> out = new ArrayList<>();
    private final BarBuilder builder = new BarBuilder("BTCUSDT", M1, 2_000, out::add);

    private static Trade trade(long id, String price, String qty, long time) {
        return Trade.parse("BTCUSDT", id, price, qty, time, false);
    }

    @Test
    void barClosesOnlyWhenWatermarkPassesItsEnd() {
        builder.onTrade(trade(1, "100", "1", 10_000));
        builder.onTrade(trade(2, "101", "1", 61_999)); // watermark 59,999 < end 60,000
        assertTrue(out.isEmpty());
        builder.onTrade(trade(3, "102", "1", 62_000)); // watermark 60,000 = end
        assertEquals(1, out.size());
        assertEquals(1, out.get(0).tradeCount());
    }

    @Test
    void idleTimerClosesTheBarWithoutAFollowingTrade() {
        builder.onTrade(trade(1, "100", "2", 30_000));
        builder.advanceTo(61_999);
        assertTrue(out.isEmpty());
        builder.advanceTo(62_000);
        assertEquals(1, out.size());
        assertEquals(0, builder.openBarCount());
    }

    @Test
    void emptyIntervalsBetweenBarsBecomeGapBarsAtThePreviousClose() {
        builder.onTrade(trade(1, "100", "1", 1_000));
        builder.onTrade(trade(2, "105", "1", 2_000));
        builder.onTrade(trade(3, "90", "1", 3 * 60_000 + 5));
        builder.flush();
        assertEquals(4, out.size());
        for (Bar g : out.subList(1, 3)) {
            assertTrue(g.gap());
            assertEquals(out.get(0).close(), g.open());
            assertEquals(out.get(0).close(), g.close());
            assertEquals(0.0, g.volume());
            assertEquals(Bar.NO_TRADE_ID, g.firstTradeId());
        }
        assertEquals(2, builder.gapBarCount());
    }

    @Test
    void lateTradesAreCountedAndNeverMerged() {
        builder.onTrade(trade(1, "100", "1", 1_000));
        builder.onTrade(trade(2, "100", "1", 63_000)); // closes bar 0
        Bar closed = out.get(0);
        assertEquals(BarBuilder.Outcome.LATE, builder.onTrade(trade(5, "1", "1", 59_000)));
        assertEquals(BarBuilder.Outcome.DUPLICATE, builder.onTrade(trade(1, "100", "1", 1_000)));
        assertEquals(1, builder.lateCount());
        assertEquals(1, builder.duplicateCount());
        builder.flush();
        assertEquals(closed, out.get(0));
    }

    @Test
    void rejectsATradeOfAnotherSymbol() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> builder.onTrade(Trade.parse("ETHUSDT", 1, "1", "1", 0, false)));
        assertTrue(e.getMessage().contains("ETHUSDT"));
    }
}

package dev.riskplatform.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Trade;
import dev.riskplatform.simulator.SyntheticFeed.Tick;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SyntheticFeedTest {

    /** Event time 300× wall time: a 1m bar every 200 ms, so two seconds are about 10 bars per symbol. */
    private List<Tick> run(SyntheticFeed.Jumps jumps) throws Exception {
        List<Tick> trades = Collections.synchronizedList(new ArrayList<>());
        SyntheticFeed feed = new SyntheticFeed(List.of("A", "B"), 4_000, 2_000, 300, trades::addAll, () -> false, jumps);
        feed.start().done().get(10, TimeUnit.SECONDS);
        return trades;
    }

    @Test
    void theWalkAloneMovesOneCentAtATime() throws Exception {
        for (String symbol : List.of("A", "B")) assertTrue(moves(run(SyntheticFeed.Jumps.NONE), symbol).stream().allMatch(m -> Math.abs(m[1]) <= 1));
    }

    @Test
    void jumpsOnTheFirstTradeOfEveryNthBarStaggeredBySymbolUpAndDownInTurn() throws Exception {
        List<Tick> trades = run(new SyntheticFeed.Jumps(3, 100));
        for (int s = 0; s < 2; s++) {
            List<long[]> jumps = moves(trades, s == 0 ? "A" : "B").stream().filter(m -> Math.abs(m[1]) > 1).toList();
            // ~10 bars, a jump every 3rd (a bar skipped by a late timer on a loaded machine has no jump)
            assertTrue(jumps.size() >= 1, "no jump for symbol " + s);
            for (int j = 0; j < jumps.size(); j++) {
                long bar = Math.floorDiv(jumps.get(j)[0], 60_000L);
                assertEquals(0, Math.floorMod(bar + s, 3), "jump in bar " + bar + " of symbol " + s);
                // 1 % of the price, which stays near $42,000: ~42,000 cents
                assertTrue(Math.abs(Math.abs(jumps.get(j)[1]) - 42_000) <= 1_000, "size " + jumps.get(j)[1]);
                if (j > 0) assertEquals(jumps.get(j - 1)[1] < 0, jumps.get(j)[1] > 0, "up and down in turn, jump " + j);
            }
        }
    }

    /** Late ticks (a busy machine) or a full socket near the end: what is still owed is sent after the end, not dropped. */
    @Test
    void aRunSendsEveryOfferedTradeEvenWhenHeldBackUntilItsEnd() throws Exception {
        List<Tick> trades = Collections.synchronizedList(new ArrayList<>());
        long end = System.currentTimeMillis() + 1_000;
        SyntheticFeed feed = new SyntheticFeed(List.of("A", "B"), 2_000, 1_000, 60, trades::addAll,
                () -> System.currentTimeMillis() < end, SyntheticFeed.Jumps.NONE);
        long sent = feed.start().done().get(20, TimeUnit.SECONDS);
        assertEquals(2_000, sent);
        assertEquals(2_000, trades.size());
    }

    /** The market's shape: with s = 1 over 100 symbols the first carries 1/H_100 ≈ 19 % of trades, the top 10 about 56 %. */
    @Test
    void zipfRatesGiveAFewSymbolsMostTrades() throws Exception {
        List<String> symbols = java.util.stream.IntStream.range(0, 100).mapToObj(i -> "S" + i).toList();
        List<Tick> trades = Collections.synchronizedList(new ArrayList<>());
        SyntheticFeed feed = new SyntheticFeed(symbols, 20_000, 1_000, 60, trades::addAll, () -> false, SyntheticFeed.Jumps.NONE)
                .withZipf(1.0);
        assertEquals(20_000L, feed.start().done().get(20, TimeUnit.SECONDS));
        java.util.Map<String, Long> per = trades.stream().collect(java.util.stream.Collectors.groupingBy(Tick::symbol,
                java.util.stream.Collectors.counting()));
        double h100 = java.util.stream.IntStream.rangeClosed(1, 100).mapToDouble(k -> 1.0 / k).sum();
        assertEquals(1 / h100, per.get("S0") / 20_000.0, 0.02);
        long top10 = java.util.stream.IntStream.range(0, 10).mapToLong(i -> per.getOrDefault("S" + i, 0L)).sum();
        assertEquals(2.929 / h100, top10 / 20_000.0, 0.02);
        assertTrue(per.getOrDefault("S99", 0L) < per.get("S0") / 50, "the tail is thin: " + per.get("S99"));
    }

    /** A second run over more symbols (the 32 → 64 crash of issue #21): ids continue for the shared ones, start for the new. */
    @Test
    void aRunOverOtherSymbolsContinuesTheSharedOnesIds() {
        SyntheticFeed next = new SyntheticFeed(List.of("A", "B", "C"), 10, 1_000, 1, t -> { }, () -> false, SyntheticFeed.Jumps.NONE)
                .continueFrom(java.util.Map.of("A", 41L, "Z", 7L), 0);
        assertEquals(java.util.Map.of("A", 41L, "B", 0L, "C", 0L), next.lastIds());
    }

    /** [trade time, price change in cents from the previous trade of the symbol] per trade after the first. */
    private static List<long[]> moves(List<Tick> trades, String symbol) {
        List<long[]> out = new ArrayList<>();
        long prev = -1;
        for (Tick t : trades) {
            if (!t.symbol().equals(symbol)) continue;
            if (prev >= 0) out.add(new long[]{t.tradeTime(), t.priceCents() - prev});
            prev = t.priceCents();
        }
        return out;
    }

    /** A tick's frame is byte for byte the frame of the same trade as a Trade (BinancePayloads), raw and combined. */
    @Test
    void framesFromTicksAreBinancesExactPayloads() {
        SyntheticFrames frames = new SyntheticFrames();
        for (long cents : new long[] {100, 105, 4_200_000, 4_200_001, 4_200_099, 123_456_789_012L}) {
            Tick tick = new Tick("LOAD00XUSDT", 7, cents, 1_700_000_000_123L, cents % 2 == 0);
            Trade trade = new Trade("LOAD00XUSDT", 7, BigDecimal.valueOf(cents, 2), new BigDecimal(SyntheticFrames.QUANTITY),
                    1_700_000_000_123L, cents % 2 == 0);
            String event = BinancePayloads.tradeEvent(trade, 42);
            assertEquals(event, frames.frame(tick, false, 42));
            assertEquals(BinancePayloads.combined("load00xusdt@trade", event), frames.frame(tick, true, 42));
        }
    }
}

package dev.riskplatform.ingestor.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.market.Trade;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SyntheticFeedTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /** Event time 300× wall time: a 1m bar every 200 ms, so two seconds are about 10 bars per symbol. */
    private List<Trade> run(SyntheticFeed.Jumps jumps) throws Exception {
        List<Trade> trades = Collections.synchronizedList(new ArrayList<>());
        SyntheticFeed feed = new SyntheticFeed(vertx, List.of("A", "B"), 4_000, 2_000, 300, (s, batch) -> trades.addAll(batch),
                () -> false, jumps);
        feed.start().done().get(10, TimeUnit.SECONDS);
        return trades;
    }

    @Test
    void theWalkAloneMovesOneCentAtATime() throws Exception {
        for (String symbol : List.of("A", "B")) assertTrue(moves(run(SyntheticFeed.Jumps.NONE), symbol).stream().allMatch(m -> Math.abs(m[1]) <= 1));
    }

    @Test
    void jumpsOnTheFirstTradeOfEveryNthBarStaggeredBySymbolUpAndDownInTurn() throws Exception {
        List<Trade> trades = run(new SyntheticFeed.Jumps(3, 100));
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
        List<Trade> trades = Collections.synchronizedList(new ArrayList<>());
        long end = System.currentTimeMillis() + 1_000;
        SyntheticFeed feed = new SyntheticFeed(vertx, List.of("A", "B"), 2_000, 1_000, 60, (s, batch) -> trades.addAll(batch),
                () -> System.currentTimeMillis() < end, SyntheticFeed.Jumps.NONE);
        long sent = feed.start().done().get(20, TimeUnit.SECONDS);
        assertEquals(2_000, sent);
        assertEquals(2_000, trades.size());
    }

    /** [trade time, price change in cents from the previous trade of the symbol] per trade after the first. */
    private static List<long[]> moves(List<Trade> trades, String symbol) {
        List<long[]> out = new ArrayList<>();
        long prev = -1;
        for (Trade t : trades) {
            if (!t.symbol().equals(symbol)) continue;
            long cents = t.price().movePointRight(2).longValueExact();
            if (prev >= 0) out.add(new long[]{t.tradeTime(), cents - prev});
            prev = cents;
        }
        return out;
    }
}

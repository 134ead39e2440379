package dev.riskplatform.core.market;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded random trade streams: time-sorted, ids increasing, with occasional idle stretches. */
final class RandomTrades {

    private RandomTrades() {}

    static List<Trade> sorted(Random rnd, String symbol, int n, long maxStepMillis) {
        List<Trade> out = new ArrayList<>(n);
        long time = 1_700_000_000_000L + rnd.nextInt(60_000);
        long cents = 3_000_000; // 30,000.00 USD
        for (int i = 0; i < n; i++) {
            // Mostly small steps, sometimes an idle stretch that leaves empty bars behind.
            time += rnd.nextInt(50) == 0 ? maxStepMillis * (5 + rnd.nextInt(20)) : rnd.nextLong(maxStepMillis + 1);
            cents = Math.max(100, cents + rnd.nextInt(201) - 100);
            BigDecimal price = BigDecimal.valueOf(cents, 2);
            BigDecimal qty = BigDecimal.valueOf(1 + rnd.nextInt(5_000_000), 8);
            out.add(new Trade(symbol, 1_000 + i, price, qty, time, rnd.nextBoolean()));
        }
        return out;
    }
}

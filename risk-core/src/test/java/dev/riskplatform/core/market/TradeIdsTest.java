package dev.riskplatform.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TradeIdsTest {

    @Test
    void behavesLikeASetOfLongsThroughGrowth() {
        Random r = new Random(3);
        TradeIds ids = new TradeIds();
        Set<Long> reference = new HashSet<>();
        for (int k = 0; k < 200_000; k++) {
            // runs of consecutive ids (as Binance sends them), repeats, and far-apart ids, 0 included
            long id = switch (r.nextInt(3)) {
                case 0 -> k;
                case 1 -> r.nextInt(k + 1);
                default -> r.nextLong() & Long.MAX_VALUE;
            };
            assertEquals(reference.add(id), ids.add(id), "add " + id);
        }
        assertEquals(reference.size(), ids.size());
    }
}

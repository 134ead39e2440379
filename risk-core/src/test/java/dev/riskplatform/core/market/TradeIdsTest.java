package dev.riskplatform.core.market;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The run-based id set answers exactly as a plain set, whatever the order and repeats. */
class TradeIdsTest {

    @Test
    void agreesWithAPlainSetOnConsecutiveGappyShuffledAndRepeatedIds() {
        Random rnd = new Random(7);
        for (int round = 0; round < 200; round++) {
            List<Long> ids = new ArrayList<>();
            long id = rnd.nextInt(1_000);
            for (int i = 0; i < 2_000; i++) {
                id += rnd.nextInt(10) == 0 ? 1 + rnd.nextInt(5) : 1; // mostly consecutive, sometimes a gap
                ids.add(id);
                if (rnd.nextInt(20) == 0) ids.add(ids.get(rnd.nextInt(ids.size()))); // a replay
            }
            if (round % 3 == 1) shuffleLocally(ids, rnd);
            if (round % 3 == 2) Collections.shuffle(ids, rnd);
            TradeIds set = new TradeIds();
            Set<Long> reference = new HashSet<>();
            for (long x : ids) assertEquals(reference.add(x), set.add(x), "id " + x + " in round " + round);
            assertEquals(reference.size(), set.size());
        }
    }

    /** Reordered a few places, as arrival within the allowed lateness is. */
    private static void shuffleLocally(List<Long> ids, Random rnd) {
        for (int i = 0; i < ids.size() - 1; i++) {
            if (rnd.nextInt(4) == 0) Collections.swap(ids, i, Math.min(ids.size() - 1, i + 1 + rnd.nextInt(8)));
        }
    }
}

package dev.riskplatform.ingestor.binance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RecentIdsTest {

    @Test
    void keepsExactlyTheLastCapacityIdsAcrossGaps() {
        RecentIds window = new RecentIds(100);
        Deque<Long> order = new ArrayDeque<>(); // the reference: the last 100 ids added, as the old boxed map kept them
        Set<Long> reference = new HashSet<>();
        SplittableRandom random = new SplittableRandom(11);
        long id = 1;
        for (int i = 0; i < 20_000; i++) {
            // Mostly consecutive ids; now and then an unfillable gap of 1..300 ids skipped.
            id += random.nextInt(50) == 0 ? 1 + random.nextInt(300) : 1;
            window.add(id);
            order.addLast(id);
            reference.add(id);
            if (order.size() > 100) reference.remove(order.removeFirst());
            long probe = id - random.nextInt(700);
            assertEquals(reference.contains(probe), window.contains(probe), "id " + probe + " after adding " + id);
        }
        assertEquals(100, window.size());
    }

    @Test
    void everyIdAGapStillStaysWithinCapacity() {
        RecentIds window = new RecentIds(3);
        for (long id = 10; id <= 100; id += 10) window.add(id);
        assertTrue(window.contains(80) && window.contains(90) && window.contains(100));
        assertFalse(window.contains(70), "the 4th newest left the window");
        assertFalse(window.contains(85), "never added");
        assertEquals(3, window.size());
    }

    @Test
    void idsMustGrow() {
        RecentIds window = new RecentIds(10);
        window.add(5);
        assertThrows(IllegalArgumentException.class, () -> window.add(5));
        assertThrows(IllegalArgumentException.class, () -> window.add(4));
    }
}

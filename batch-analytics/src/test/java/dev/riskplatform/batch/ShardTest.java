package dev.riskplatform.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.riskplatform.batch.run.Shard;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Shards of a sorted symbol list: each symbol in exactly one, sizes within one of each other. */
class ShardTest {

    @Test
    void everySymbolFallsInExactlyOneShardOfBalancedSize() {
        List<String> symbols = IntStream.range(0, 503).mapToObj(i -> String.format("S%03dUSDT", i)).toList();
        List<String> union = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            List<String> mine = new Shard(i, 8).of(symbols);
            assertEquals(i < 503 % 8 ? 63 : 62, mine.size());
            union.addAll(mine);
        }
        union.sort(null);
        assertEquals(symbols, union);
    }

    @Test
    void theCliFormIsIndexSlashCount() {
        assertEquals(new Shard(2, 4), Shard.parse("2/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/4"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("two"));
    }
}

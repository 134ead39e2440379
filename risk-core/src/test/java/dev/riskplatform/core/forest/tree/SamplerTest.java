package dev.riskplatform.core.forest.tree;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class SamplerTest {

    @Test
    void drawsDistinctIndicesInRange() {
        for (int[] nm : new int[][] {{1_000_000, 256}, {300, 256}, {256, 256}, {10, 1}}) {
            int[] s = Sampler.withoutReplacement(nm[0], nm[1], new SplitMix64(7));
            BitSet seen = new BitSet();
            for (int i : s) {
                assertTrue(i >= 0 && i < nm[0]);
                assertTrue(!seen.get(i), "duplicate " + i);
                seen.set(i);
            }
            assertEquals(nm[1], seen.cardinality());
        }
    }

    @Test
    void isUniformEnough() {
        // 20 000 draws of 5 out of 10: each index should be taken about 10 000 times.
        int[] counts = new int[10];
        SplitMix64 rng = new SplitMix64(1);
        for (int k = 0; k < 20_000; k++) for (int i : Sampler.withoutReplacement(10, 5, rng)) counts[i]++;
        for (int c : counts) assertTrue(Math.abs(c - 10_000) < 500, "count " + c);
    }

    @Test
    void sameSeedSameSample() {
        assertArrayEquals(Sampler.withoutReplacement(5000, 256, new SplitMix64(3)),
                Sampler.withoutReplacement(5000, 256, new SplitMix64(3)));
    }
}

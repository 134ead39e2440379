package dev.riskplatform.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.features.FeatureSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The split's row-to-bar alignment and the jump generator's oracle |r_t| / σ_t. */
class BenchmarksTest {

    private static final FeatureSpec V1 = FeatureSpec.v1Defaults(), V2 = FeatureSpec.defaults();

    @Test
    void theOracleIsTheReturnInUnitsOfItsTrueSigma() {
        Benchmarks.Labelled data = Benchmarks.generate(Benchmarks.Generator.JUMP, 60_000, 5);
        Benchmarks.Split v2 = Benchmarks.split(data, V2, List.of(V1));
        double[] oracle = Benchmarks.oracle(data, v2);
        // Ordinary bars: r_t / σ_t ~ N(0, 1), so the mean square is 1 (± 3 % for ~30,000 bars); jump bars: r_t / σ_t = ε ± m, m in [4, 10].
        double sumSq = 0, jumpSum = 0;
        int ordinary = 0, jumps = 0;
        for (int j = 0; j < oracle.length; j++) {
            if (v2.testLabels()[j]) {
                jumps++;
                jumpSum += oracle[j];
            } else {
                ordinary++;
                sumSq += oracle[j] * oracle[j];
            }
        }
        assertEquals(1.0, sumSq / ordinary, 0.03);
        assertTrue(jumps > 20 && jumpSum / jumps > 5 && jumpSum / jumps < 9, jumps + " jumps, mean " + jumpSum / jumps);
        assertTrue(Metrics.averagePrecision(oracle, v2.testLabels()) > 0.9);
    }

    @Test
    void testRowsDescribeTheBarsTheSplitNames() {
        Benchmarks.Labelled data = Benchmarks.generate(Benchmarks.Generator.JUMP, 20_000, 6);
        Benchmarks.Split v1 = Benchmarks.split(data, V1, List.of(V2)), v2 = Benchmarks.split(data, V2, List.of(V1));
        assertEquals(v1.firstTestBar(), v2.firstTestBar());
        for (int j : new int[] {0, 1, v2.test().rows() - 1}) {
            long open = data.bars().get(v2.firstTestBar() + j).openTime();
            assertEquals(open, v2.test().openTimes()[j]);
            assertEquals(open, v1.test().openTimes()[j]);
            assertEquals(data.labels()[v2.firstTestBar() + j], v2.testLabels()[j]);
        }
    }

    @Test
    void theMarketGeneratorHasNoOracle() {
        Benchmarks.Labelled data = Benchmarks.generate(Benchmarks.Generator.MARKET, 10_000, 1);
        assertNull(data.trueSigma());
        assertThrows(IllegalArgumentException.class, () -> Benchmarks.oracle(data, Benchmarks.split(data, V2, List.of(V1))));
    }
}

package dev.riskplatform.core.forest.tree;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TreeValidatorTest {

    private static String reject(int[] feature, float[] split, int[] left, int[] right, int[] samples) {
        double[] value = new double[feature.length];
        return assertThrows(IllegalArgumentException.class,
                () -> IsolationTree.of(2, feature, split, left, right, samples, value)).getMessage();
    }

    @Test
    void rejectsBackwardLinksThatWouldMakeCycles() {
        String m = reject(new int[] {0, 1, -1}, new float[] {0, 0, 0}, new int[] {1, 0, -1}, new int[] {2, 2, -1},
                new int[] {2, 1, 1});
        assertTrue(m.contains("node 1") && m.contains("children"), m);
    }

    @Test
    void rejectsSharedChildren() {
        String m = reject(new int[] {0, -1, -1}, new float[] {0, 0, 0}, new int[] {1, -1, -1}, new int[] {1, -1, -1},
                new int[] {2, 1, 1});
        assertTrue(m.contains("distinct"), m);
    }

    @Test
    void rejectsOrphans() {
        String m = reject(new int[] {0, -1, -1, -1}, new float[4], new int[] {1, -1, -1, -1},
                new int[] {2, -1, -1, -1}, new int[] {2, 1, 1, 1});
        assertTrue(m.contains("node 3") && m.contains("referenced 0 times"), m);
    }

    @Test
    void rejectsFeatureOutOfRangeAndNonFiniteSplits() {
        String m = reject(new int[] {2, -1, -1}, new float[3], new int[] {1, -1, -1}, new int[] {2, -1, -1},
                new int[] {2, 1, 1});
        assertTrue(m.contains("feature index 2 out of range"), m);
        m = reject(new int[] {0, -1, -1}, new float[] {Float.NaN, 0, 0}, new int[] {1, -1, -1},
                new int[] {2, -1, -1}, new int[] {2, 1, 1});
        assertTrue(m.contains("finite"), m);
    }
}

package dev.riskplatform.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The metrics agree with their definitions, computed the slow way, including ties. */
class MetricsTest {

    @Test
    void aucEqualsThePairwiseProbabilityThatAPositiveOutscoresANegative() {
        Random r = new Random(1);
        int n = 600;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.2;
            s[i] = Math.round((r.nextGaussian() + (y[i] ? 1 : 0)) * 4) / 4.0; // coarse: many ties
        }
        double wins = 0;
        long pairs = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            if (y[i] && !y[j]) {
                pairs++;
                wins += s[i] > s[j] ? 1 : s[i] == s[j] ? 0.5 : 0;
            }
        }
        assertEquals(wins / pairs, Metrics.rocAuc(s, y), 1e-12);
    }

    @Test
    void averagePrecisionMatchesScikitLearnsDocumentedExample() {
        // sklearn.metrics.average_precision_score docs: y=[0,0,1,1], scores=[0.1,0.4,0.35,0.8] → 0.8333…
        // ranks: 0.8 (pos, P=1, R=.5), 0.4 (neg), 0.35 (pos, P=2/3, R=1): AP = .5·1 + .5·2/3
        assertEquals(0.5 * 1 + 0.5 * 2.0 / 3, Metrics.averagePrecision(new double[] {0.1, 0.4, 0.35, 0.8},
                new boolean[] {false, false, true, true}), 1e-12);
    }

    @Test
    void averagePrecisionWithoutTiesIsTheMeanPrecisionAtEachPositive() {
        Random r = new Random(2);
        int n = 500;
        double[] s = new double[n];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            y[i] = r.nextDouble() < 0.1;
            s[i] = r.nextGaussian() + (y[i] ? 1.5 : 0);
        }
        double sum = 0;
        int pos = 0;
        for (int i = 0; i < n; i++) {
            if (!y[i]) continue;
            pos++;
            int above = 0, posAbove = 0;
            for (int j = 0; j < n; j++) if (s[j] >= s[i]) { above++; if (y[j]) posAbove++; }
            sum += (double) posAbove / above;
        }
        assertEquals(sum / pos, Metrics.averagePrecision(s, y), 1e-12);
        int k = 37, hits = 0;
        double[] sorted = s.clone();
        java.util.Arrays.sort(sorted);
        double kth = sorted[n - k];
        for (int i = 0; i < n; i++) if (s[i] >= kth && y[i]) hits++;
        assertEquals((double) hits / k, Metrics.precisionAtK(s, y, k), 1e-12);
    }
}

package dev.riskplatform.core.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each validation rule refuses what it should, with the reason; a sound model passes. */
class ModelValidatorTest {

    private static final FeatureSpec SPEC = FeatureSpec.v1Defaults();
    private static final TrainingConfig CFG = new TrainingConfig(50, 256, 1, 0.01, 0.2, 3.0, 1e-3);

    @Test
    void aSoundModelPassesWithItsHoldoutAlertRate() {
        HoldoutSplit s = HoldoutSplit.of(walk(6000, 0.0005, 1), 0.2);
        ModelFitter.Fitted f = ModelFitter.fit(SPEC, s.train(), CFG, Instant.EPOCH, "test");
        Validation v = ModelValidator.validate(f.bytes(), SPEC, s.holdout(), CFG);
        assertTrue(v.passed(), v.reason());
        assertEquals(s.holdout().rows(), v.holdoutRows());
        assertTrue(v.holdoutAlertRate() >= 0.01 / 3 && v.holdoutAlertRate() <= 0.03, "rate " + v.holdoutAlertRate());
    }

    @Test
    void aTamperedArtifactIsRefused() {
        HoldoutSplit s = HoldoutSplit.of(walk(2000, 0.0005, 2), 0.2);
        byte[] bytes = ModelFitter.fit(SPEC, s.train(), CFG, Instant.EPOCH, "test").bytes();
        int i = new String(bytes).indexOf("\"rowCount\":") + 11;
        bytes[i] = (byte) (bytes[i] == '9' ? '8' : '9');
        Validation v = ModelValidator.validate(bytes, SPEC, s.holdout(), CFG);
        assertFalse(v.passed());
        assertTrue(v.reason().contains("hash"), v.reason());
    }

    @Test
    void aHoldoutFromAnotherRegimeBreaksTheAlertRate() {
        FeatureMatrix calm = walk(4000, 0.0005, 3);
        FeatureMatrix wild = walk(2000, 0.01, 4); // 20× the volatility: most rows score above the threshold
        ModelFitter.Fitted f = ModelFitter.fit(SPEC, calm, CFG, Instant.EPOCH, "test");
        Validation v = ModelValidator.validate(f.bytes(), SPEC, wild, CFG);
        assertFalse(v.passed());
        assertTrue(v.reason().contains("alert rate") && v.holdoutAlertRate() > 0.03, v.reason());
    }

    @Test
    void anImpossibleSpreadIsReportedAsDegenerate() {
        HoldoutSplit s = HoldoutSplit.of(walk(2000, 0.0005, 5), 0.2);
        TrainingConfig strict = new TrainingConfig(50, 256, 1, 0.01, 0.2, 3.0, 1.0);
        Validation v = ModelValidator.validate(ModelFitter.fit(SPEC, s.train(), strict, Instant.EPOCH, "t").bytes(), SPEC, s.holdout(), strict);
        assertFalse(v.passed());
        assertTrue(v.reason().startsWith("degenerate"), v.reason());
    }

    static FeatureMatrix walk(int n, double vol, long seed) {
        Random r = new Random(seed);
        long[] open = new long[n];
        double[] close = new double[n];
        double p = 100;
        for (int i = 0; i < n; i++) {
            open[i] = 60_000L * i;
            close[i] = p *= Math.exp(vol * r.nextGaussian());
        }
        return FeatureEngine.computeAll(SPEC, open, close, null);
    }
}

package dev.riskplatform.trainer.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.eval.JumpBenchmark;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.training.HoldoutSplit;
import dev.riskplatform.core.training.ModelFitter;
import dev.riskplatform.core.training.TrainingConfig;
import dev.riskplatform.trainer.autoencoder.AutoencoderFitter;
import dev.riskplatform.trainer.autoencoder.AutoencoderParams;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ModelComparisonTest {

    private static final FeatureSpec SPEC = FeatureSpec.v1Defaults();

    @Test
    void comparesAllThreeOnTheHoldoutAndTheCombinationAlertsWhenEitherDoes() {
        FeatureMatrix all = JumpBenchmark.generate(SPEC, 8_000, 40, 3).features();
        HoldoutSplit split = HoldoutSplit.of(all, 0.2);
        ModelFitter.Fitted forest = ModelFitter.fit(SPEC, split.train(), new TrainingConfig(50, 256, 42, 0.01, 0.2, 3, 0.001),
                Instant.EPOCH, "test");
        AutoencoderFitter.Fitted ae = AutoencoderFitter.fit(SPEC, split.train(), AutoencoderParams.defaults(42, 0.01).withEpochs(3),
                Instant.EPOCH, "test");

        ModelCard.Comparison c = ModelCards.compare(SPEC, all, split, forest, ae, 42);

        assertEquals(3, c.models().size());
        assertEquals(split.holdout().rows() / 100, c.injectedJumps());
        assertEquals("isolation-forest", c.servingScorer());
        assertNotNull(c.bestOnInjectedJumps());
        ModelCard.Compared f = c.models().get(0), a = c.models().get(1), comb = c.models().get(2);
        assertEquals(1.0, comb.threshold());
        // A_comb = A_IF ∪ A_AE, so max(rate_IF, rate_AE) <= rate_comb <= rate_IF + rate_AE
        assertTrue(comb.holdoutAlertRate() >= Math.max(f.holdoutAlertRate(), a.holdoutAlertRate()), c.toString());
        assertTrue(comb.holdoutAlertRate() <= f.holdoutAlertRate() + a.holdoutAlertRate() + 1e-12, c.toString());
        for (ModelCard.Compared m : c.models()) assertTrue(m.rocAuc() > 0.5 && m.averagePrecision() > 0 && m.precisionAtK() >= 0, m.toString());
    }

    @Test
    void injectedJumpsAreLabelledAndMoveTheCloses() {
        FeatureMatrix all = JumpBenchmark.generate(SPEC, 5_000, 20, 4).features();
        int from = 4_000;
        InjectedJumps j = InjectedJumps.of(SPEC, all, from, 9);
        int positives = 0;
        for (boolean b : j.labels()) if (b) positives++;
        assertEquals((all.rows() - from) / 100, positives);
        assertEquals(all.rows() - from, j.holdout().rows());
        assertEquals(all.openTimes()[from], j.holdout().openTimes()[0]);
        assertNull(InjectedJumps.of(SPEC, all, all.rows() - 50, 9), "fewer than 100 holdout rows: no check");
    }
}

package dev.riskplatform.trainer.training;

import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.training.HoldoutSplit;
import dev.riskplatform.core.training.ModelFitter;
import dev.riskplatform.trainer.autoencoder.AutoencoderFitter;
import dev.riskplatform.trainer.autoencoder.AutoencoderParams;
import dev.riskplatform.trainer.card.ModelCard;
import dev.riskplatform.trainer.card.ModelCards;
import dev.riskplatform.trainer.dataset.FeatureDataset;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * The autoencoder beside the forest: trained with DL4J on the forest's training rows (same seed,
 * same alert rate), exported, and compared with the forest on the holdout for the card.
 */
final class AutoencoderStep {

    private static final Logger LOG = Logger.getLogger(AutoencoderStep.class);

    private AutoencoderStep() {
    }

    /** The sealed autoencoder.json and what the card says about it. */
    record Result(byte[] bytes, ModelCard.AutoencoderInfo info, ModelCard.Comparison comparison) {
    }

    static Result run(ResolvedRequest r, TrainerConfig.AutoencoderSettings s, FeatureDataset dataset, HoldoutSplit split,
                      ModelFitter.Fitted forest, String codeVersion) throws ModelArtifactException {
        AutoencoderParams p = AutoencoderParams.defaults(r.training().seed(), r.training().alertRate()).withEpochs(s.epochs())
                .withMaxRows(s.maxRows());
        long t0 = System.nanoTime();
        AutoencoderFitter.Fitted ae = AutoencoderFitter.fit(r.dataset().spec(), split.train(), p, Instant.now(), codeVersion);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        LOG.infof("trained autoencoder %s on %d rows in %d ms", p, split.train().rows(), ms);
        ModelCard.Comparison cmp = null;
        if (r.dataset().spec().version() == 1) {
            cmp = ModelCards.compare(r.dataset().spec(), dataset.matrix(), split, forest, ae, r.training().seed());
            LOG.infof("holdout comparison: best on %d injected jumps = %s; serving %s", cmp.injectedJumps(), cmp.bestOnInjectedJumps(),
                    cmp.servingScorer());
        } else {
            // Jumps are injected into closes and scaled by the v1 volatility column: v2 models are compared in docs/evaluation.md.
            LOG.infof("no injected-jump comparison for feature spec v%d (it needs v1 closes-only features)", r.dataset().spec().version());
        }
        return new Result(ae.bytes(), ModelCards.autoencoder(ae, RegisteredModel.contentHash(ae.bytes()), p, ms), cmp);
    }
}

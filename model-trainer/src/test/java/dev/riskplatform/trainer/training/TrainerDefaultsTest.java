package dev.riskplatform.trainer.training;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.training.TrainingConfig;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.api.Test;

/**
 * A request that sets nothing is trained with risk-core's served recipe, the one docs/evaluation.md measures: the
 * trainer's defaults come from TrainerConfig's @WithDefault alone (no properties file read here), and those name
 * TrainingConfig's constants.
 */
class TrainerDefaultsTest {

    @Test
    void aRequestWithNoKnobsIsTheServedRecipe() {
        SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(TrainerConfig.class).build();
        TrainerConfig defaults = config.getConfigMapping(TrainerConfig.class);

        ResolvedRequest r = ResolvedRequest.of(TrainRequest.of("BTCUSDT", null, "2024-03-01", "2024-03-07", "btc-iforest"), defaults);

        assertEquals(TrainingConfig.served(TrainingConfig.DEFAULT_SEED, FeatureSpec.defaults()), r.training());
        assertEquals(FeatureSpec.defaults(), r.dataset().spec());
    }
}

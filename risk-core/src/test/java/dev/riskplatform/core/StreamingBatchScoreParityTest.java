package dev.riskplatform.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.BitstampSample;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.scoring.Scorer;
import dev.riskplatform.core.forest.ServedScorer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path on the real 2013 Bitstamp BTC trades, as the detector runs it (trade by trade
 * into bars, bar by bar into features, one row at a time into the model) and as the batch job and
 * the trainer run it (bars, then features over arrays, then the model over a matrix): the scores
 * must be bit-identical, not merely close. For each feature spec version and served scorer.
 */
class StreamingBatchScoreParityTest {

    private static final long LATENESS = 2_000;

    static Stream<Arguments> specsAndScorers() {
        return Stream.of(Arguments.of(FeatureSpec.v1Defaults(), ServedScorer.ISOLATION_FOREST),
                Arguments.of(FeatureSpec.defaults(), ServedScorer.ISOLATION_FOREST),
                Arguments.of(FeatureSpec.defaults(), ServedScorer.TAIL_BLEND));
    }

    @ParameterizedTest
    @MethodSource("specsAndScorers")
    void streamingAndBatchScoresAreBitIdenticalOnRealTrades(FeatureSpec spec, ServedScorer served) {
        var trades = BitstampSample.load().trades();

        List<Bar> bars = BarBuilder.buildAll(BitstampSample.SYMBOL, spec.interval(), LATENESS, trades);
        FeatureMatrix batch = FeatureEngine.computeAll(spec, bars);
        Scorer model = served.over(IsolationForest.fit(batch.values(), batch.columns(), IsolationForest.Params.defaults(42)));
        double[] batchScores = new double[batch.rows()];
        model.score(batch.values(), batch.rows(), batchScores);

        List<Double> streamed = new ArrayList<>();
        List<Long> streamedTimes = new ArrayList<>();
        FeatureEngine engine = new FeatureEngine(spec);
        BarBuilder builder = new BarBuilder(BitstampSample.SYMBOL, spec.interval(), LATENESS, bar -> {
            var v = engine.onBar(bar);
            if (v != null) {
                streamed.add(model.score(v.values()));
                streamedTimes.add(v.openTime());
            }
        });
        trades.forEach(builder::onTrade);
        builder.flush();

        assertEquals(batch.rows(), streamed.size(), "one score per warm bar on both paths");
        for (int i = 0; i < batch.rows(); i++) {
            assertEquals(batch.openTimes()[i], streamedTimes.get(i));
            assertEquals(Double.doubleToRawLongBits(batchScores[i]), Double.doubleToRawLongBits(streamed.get(i)),
                    "score of bar " + i + " differs: batch " + batchScores[i] + ", streaming " + streamed.get(i));
        }
    }
}

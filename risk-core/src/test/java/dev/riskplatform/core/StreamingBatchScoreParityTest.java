package dev.riskplatform.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.BitstampSample;
import dev.riskplatform.core.model.IsolationForest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The whole path on the real 2013 Bitstamp BTC trades, as the detector runs it (trade by trade
 * into bars, bar by bar into features, one row at a time into the model) and as the batch job and
 * the trainer run it (bars, then features over arrays, then the model over a matrix): the scores
 * must be bit-identical, not merely close.
 */
class StreamingBatchScoreParityTest {

    private static final long LATENESS = 2_000;

    @Test
    void streamingAndBatchScoresAreBitIdenticalOnRealTrades() {
        FeatureSpec spec = FeatureSpec.defaults();
        var trades = BitstampSample.load().trades();

        List<Bar> bars = BarBuilder.buildAll(BitstampSample.SYMBOL, spec.interval(), LATENESS, trades);
        FeatureMatrix batch = FeatureEngine.computeAll(spec, bars);
        IsolationForest model = IsolationForest.fit(batch.values(), FeatureMatrix.COLUMNS, IsolationForest.Params.defaults(42));
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

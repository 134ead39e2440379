package dev.riskplatform.batch.processing;

import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.io.ProcessedBar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Features with risk-core's FeatureEngine.computeAll (the one code path, as the detector) over the
 * look-back + day series, scores with the registered model's served scorer (never re-fitted), keeps the day's rows.
 */
public final class DayProcessor {

    private DayProcessor() {
    }

    public static List<ProcessedBar> process(SeriesAssembler.Series series, RegisteredModel model) {
        var spec = model.artifact().featureSpec();
        List<Bar> bars = series.bars();
        FeatureMatrix m = FeatureEngine.computeAll(spec, bars);
        double[] scores = new double[m.rows()];
        model.artifact().servedScorer().score(m.values(), m.rows(), scores);
        int warmUp = spec.warmUpBars(); // matrix row r is series bar r + warmUp
        List<ProcessedBar> out = new ArrayList<>(bars.size() - series.dayIndex());
        for (int i = series.dayIndex(); i < bars.size(); i++) {
            out.add(row(bars.get(i), m, i - warmUp, scores, model));
        }
        return out;
    }

    private static ProcessedBar row(Bar b, FeatureMatrix m, int r, double[] scores, RegisteredModel model) {
        boolean warm = r >= 0;
        double score = warm ? scores[r] : Double.NaN;
        List<String> names = model.artifact().featureSpec().featureNames();
        Map<String, Double> features = new LinkedHashMap<>();
        for (int f = 0; warm && f < names.size(); f++) features.put(names.get(f), m.get(r, f));
        return new ProcessedBar(b.symbol(), b.interval().code(), b.openTime(), b.open(), b.high(), b.low(), b.close(),
                b.volume(), b.gap(), features, score, warm && model.artifact().threshold().isAnomaly(score), model.model(),
                model.version(), model.artifact().scorer().id());
    }
}

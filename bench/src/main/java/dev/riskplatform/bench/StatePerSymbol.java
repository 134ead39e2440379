package dev.riskplatform.bench;

import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.Trade;
import dev.riskplatform.core.explain.Explainer;
import dev.riskplatform.core.forest.IsolationForest;
import dev.riskplatform.core.forest.ServedScorer;
import dev.riskplatform.core.scoring.Threshold;
import dev.riskplatform.core.risk.Alert;
import dev.riskplatform.core.risk.RiskEvent;
import dev.riskplatform.core.risk.ScoringModel;
import dev.riskplatform.core.risk.SymbolPipeline;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The detector's state per symbol: the retained heap of one {@link SymbolPipeline} (bars, the v2
 * feature windows, the cool-down, the rolling 24 h risk window) after a day and a half of one-minute
 * bars, measured as the heap after full GCs with N pipelines minus without, divided by N. The
 * detector's own per-symbol entry (a map entry and two longs) is not included.
 *
 * <pre>java -cp bench/target/benchmarks.jar dev.riskplatform.bench.StatePerSymbol [symbols=2000] [bars=2200]</pre>
 */
public final class StatePerSymbol {

    private static final long MIN = 60_000L;

    public static void main(String[] args) {
        int symbols = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int bars = args.length > 1 ? Integer.parseInt(args[1]) : 2200;
        FeatureSpec spec = FeatureSpec.defaults();
        ScoringModel model = model(spec);
        SymbolPipeline.Sink sink = new SymbolPipeline.Sink() {
            @Override
            public void event(RiskEvent event) {
            }

            @Override
            public void alert(Alert alert) {
            }
        };
        long before = usedAfterGc();
        List<SymbolPipeline> kept = new ArrayList<>(symbols);
        Random rnd = new Random(1);
        for (int s = 0; s < symbols; s++) {
            SymbolPipeline p = new SymbolPipeline("S" + s + "USDT", spec, 2_000, 30, () -> 0L);
            double price = 100;
            for (int i = 0; i < bars; i++) {
                price *= Math.exp(0.001 * rnd.nextGaussian());
                long open = i * MIN;
                p.onTrade(new Trade(p.symbol(), 2L * i, BigDecimal.valueOf(price), BigDecimal.ONE, open + 1_000, false), open, model, sink);
                p.onTrade(new Trade(p.symbol(), 2L * i + 1, BigDecimal.valueOf(price * 1.0001), BigDecimal.ONE, open + 50_000, true),
                        open, model, sink);
            }
            kept.add(p);
        }
        long after = usedAfterGc();
        System.out.printf("%d symbols after %d one-minute bars each: %.1f MB retained, %,d bytes per symbol%n",
                kept.size(), bars, (after - before) / 1e6, (after - before) / kept.size());
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static ScoringModel model(FeatureSpec spec) {
        Random rnd = new Random(2);
        List<Bar> history = new ArrayList<>();
        double price = 100;
        for (int i = 0; i < 3000; i++) {
            double o = price;
            price *= Math.exp(0.001 * rnd.nextGaussian());
            history.add(new Bar("TRAIN", spec.interval(), i * MIN, i * MIN + MIN - 1, o, Math.max(o, price), Math.min(o, price),
                    price, 2, 2 * price, price, 2, 2L * i, 2L * i + 1, false));
        }
        FeatureMatrix m = FeatureEngine.computeAll(spec, history);
        IsolationForest forest = IsolationForest.fit(m.values(), m.columns(), new IsolationForest.Params(100, 256, 1));
        return new ScoringModel("state", 1, ServedScorer.ISOLATION_FOREST, forest, new Explainer(forest, spec.featureNames()),
                Threshold.fixed(1.0), spec);
    }
}

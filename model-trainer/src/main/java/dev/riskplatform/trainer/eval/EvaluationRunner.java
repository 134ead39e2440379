package dev.riskplatform.trainer.eval;

import dev.riskplatform.core.autoencoder.Autoencoder;
import dev.riskplatform.core.autoencoder.ScoreCombination;
import dev.riskplatform.core.eval.JumpBenchmark;
import dev.riskplatform.core.eval.Metrics;
import dev.riskplatform.core.eval.RuleScores;
import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.BitstampCsv;
import dev.riskplatform.core.model.IsolationForest;
import dev.riskplatform.core.model.Threshold;
import dev.riskplatform.core.training.TopAnomalies;
import dev.riskplatform.trainer.autoencoder.AutoencoderFitter;
import dev.riskplatform.trainer.autoencoder.AutoencoderParams;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The jump-detection evaluation (docs/evaluation.md): on a {@link JumpBenchmark}, our Isolation
 * Forest, the autoencoder and their combination ({@link ScoreCombination}), scikit-learn's forest on the
 * same features, the |r| and |r|/volatility rules, |z| and the documented blend, all in one run; ROC AUC, average precision, precision@k (k = number of jumps);
 * then the top anomalies of the real 2013 Bitstamp BTC/USD trades.
 *
 * <p>{@code main(bars, jumps, seed, out.md)}; {@code model-trainer/eval/run-evaluation.sh} runs it.
 */
public final class EvaluationRunner {

    static final FeatureSpec SPEC = FeatureSpec.defaults();
    static final IsolationForest.Params PARAMS = IsolationForest.Params.defaults(42);
    /** The trainer's autoencoder defaults (4 → 8 → 2 → 8 → 4, seed 42), thresholds at 1 % contamination like the forest's. */
    static final AutoencoderParams AE = AutoencoderParams.defaults(42, 0.01);
    /** Alert budget of the blend's threshold: the (1 − q) quantile of its scores, chosen without labels. */
    static final double ALERT_BUDGET = 0.001;

    public record Row(String detector, double auc, double averagePrecision, double precisionAtK, int falseAlertsAtK) {
    }

    /** The blend at its label-free threshold: alerts, hits, and the false-alert rate FP / negatives. */
    public record Alerting(double threshold, int alerts, int truePositives, double precision, double recall, double falseAlertRate) {
    }

    public record Report(int bars, int rows, int jumps, long seed, List<Row> detectors, Alerting blend,
                         BitstampResult bitstamp, long millis) {
    }

    public record BitstampResult(int trades, int bars, String from, String to, List<TopAnomalies.Anomaly> top) {
    }

    public static Report run(int bars, int jumps, long seed, InputStream bitstampCsv) throws Exception {
        long t0 = System.currentTimeMillis();
        JumpBenchmark b = JumpBenchmark.generate(SPEC, bars, jumps, seed);
        FeatureMatrix m = b.features();
        Map<String, double[]> scores = scores(m);
        List<Row> rows = new ArrayList<>();
        scores.forEach((name, s) -> rows.add(row(name, s, b.labels(), jumps)));
        Alerting alerting = alerting(scores.get(BLEND), b.labels());
        BitstampResult bitstamp = bitstampCsv == null ? null : bitstamp(bitstampCsv);
        return new Report(bars, m.rows(), jumps, seed, rows, alerting, bitstamp, System.currentTimeMillis() - t0);
    }

    static final String BLEND = "blend: abs(r)/vol · sqrt(s_IF / t_IF)";
    static final String AUTOENCODER = "autoencoder (DL4J-trained, pure-Java scored)";
    static final String COMBINED = "IF + autoencoder: max(s_IF / t_IF, s_AE / t_AE)";

    private static Map<String, double[]> scores(FeatureMatrix m) throws Exception {
        IsolationForest forest = IsolationForest.fit(m.values(), FeatureMatrix.COLUMNS, PARAMS);
        double[] ours = new double[m.rows()];
        forest.score(m.values(), m.rows(), ours);
        double ifThreshold = Threshold.fromContamination(ours, 0.01).value();
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put("Isolation Forest (ours, risk-core)", ours);
        double[] ae = autoencoder(m);
        s.put(AUTOENCODER, ae);
        s.put(COMBINED, ScoreCombination.max(ours, ifThreshold, ae, Threshold.fromContamination(ae, AE.alertRate()).value()));
        s.put("scikit-learn IsolationForest", SklearnBaseline.scores(m, PARAMS.trees(), PARAMS.maxSamples(), PARAMS.seed()));
        s.put("abs(log return)", RuleScores.absReturn(m));
        s.put("abs(log return) / rolling vol", RuleScores.absReturnOverVolatility(m));
        s.put("abs(z_score) (reference, not a baseline)", RuleScores.absZScore(m));
        s.put(BLEND, RuleScores.blend(RuleScores.absReturnOverVolatility(m), ours, ifThreshold));
        return s;
    }

    /** Trained with DL4J on all rows (unsupervised, like the forest), then scored by risk-core's forward pass. */
    private static double[] autoencoder(FeatureMatrix m) {
        Autoencoder ae = AutoencoderFitter.train(m.values(), AE);
        double[] s = new double[m.rows()];
        ae.score(m.values(), m.rows(), s);
        return s;
    }

    private static Row row(String name, double[] s, boolean[] y, int k) {
        double p = Metrics.precisionAtK(s, y, k);
        return new Row(name, Metrics.rocAuc(s, y), Metrics.averagePrecision(s, y), p, (int) Math.round(k * (1 - p)));
    }

    /** threshold t = (1 − ALERT_BUDGET) quantile of the scores; alert when s > t. */
    private static Alerting alerting(double[] s, boolean[] y) {
        double t = Threshold.fromContamination(s, ALERT_BUDGET).value();
        int alerts = 0, tp = 0, pos = 0;
        for (int i = 0; i < s.length; i++) {
            if (y[i]) pos++;
            if (s[i] > t) { alerts++; if (y[i]) tp++; }
        }
        int neg = s.length - pos;
        return new Alerting(t, alerts, tp, alerts == 0 ? 0 : (double) tp / alerts, (double) tp / pos, (double) (alerts - tp) / neg);
    }

    private static BitstampResult bitstamp(InputStream csv) {
        BitstampCsv.Result trades = BitstampCsv.parse(csv, "BTCUSD");
        List<Bar> bars = BarBuilder.buildAll("BTCUSD", BarInterval.parse("1m"), BarBuilder.DEFAULT_ALLOWED_LATENESS_MS, trades.trades());
        FeatureMatrix m = FeatureEngine.computeAll(SPEC, bars);
        IsolationForest forest = IsolationForest.fit(m.values(), FeatureMatrix.COLUMNS, PARAMS);
        return new BitstampResult(trades.trades().size(), bars.size(), java.time.Instant.ofEpochMilli(bars.get(0).openTime()).toString(),
                java.time.Instant.ofEpochMilli(bars.get(bars.size() - 1).openTime()).toString(), TopAnomalies.of(forest, m, 10));
    }

    public static void main(String[] args) throws Exception {
        int bars = Integer.parseInt(args[0]), jumps = Integer.parseInt(args[1]);
        long seed = Long.parseLong(args[2]);
        try (InputStream csv = EvaluationRunner.class.getResourceAsStream("/bitstamp_trades_from_20131125_usd.csv")) {
            Report r = run(bars, jumps, seed, csv);
            Path out = Path.of(args[3]);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, EvaluationMarkdown.render(r));
            System.out.println(EvaluationMarkdown.render(r));
        }
    }

}

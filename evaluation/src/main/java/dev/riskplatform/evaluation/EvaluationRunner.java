package dev.riskplatform.evaluation;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.eval.Benchmarks;
import dev.riskplatform.core.eval.Metrics;
import dev.riskplatform.core.eval.OperatingPoint;
import dev.riskplatform.core.eval.RuleScores;
import dev.riskplatform.core.features.FeatureEngine;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.market.Bar;
import dev.riskplatform.core.market.BarBuilder;
import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.market.BitstampCsv;
import dev.riskplatform.core.explain.Explainer;
import dev.riskplatform.core.training.ModelFitter;
import dev.riskplatform.core.training.TopAnomalies;
import dev.riskplatform.core.training.TrainingConfig;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The detection evaluation (docs/evaluation.md): on both labelled generators ({@link Benchmarks}), for
 * each seed, every detector is fitted on the first half of the bars and scored on the second: the
 * served scorer exactly as the trainer builds it ({@link ModelFitter} with the served defaults: feature
 * spec v2, tail-blend, threshold at {@link TrainingConfig#DEFAULT_ALERTS_PER_DAY} alerts a day), our
 * forest alone, scikit-learn's forest on v1 and on v2 features, and the rules |r|/σ (v1 and v2) and
 * |z|. ROC AUC, average precision, precision@k (k = labelled test bars); the served scorer also at its
 * operating point. Then the served scorer's top anomalies on the real 2013 Bitstamp trades.
 *
 * <p>{@code EvaluationReportTest} runs it and writes the report; {@code evaluation/run-evaluation.sh} runs that test at
 * full size into docs/evaluation.md.
 */
public final class EvaluationRunner {

    static final FeatureSpec V1 = FeatureSpec.v1Defaults();
    static final FeatureSpec V2 = FeatureSpec.defaults();
    /** What POST /train fits by default (TrainerConfig's defaults are these constants); scikit-learn gets its trees, ψ and seed. */
    static final TrainingConfig SERVED_RECIPE = TrainingConfig.served(TrainingConfig.DEFAULT_SEED, V2);
    static final String SERVED = "served: tail-blend on v2 (ours)";
    static final String FOREST = "Isolation Forest alone on v2 (ours)";
    static final String SKLEARN_V1 = "scikit-learn IsolationForest on v1";
    static final String SKLEARN_V2 = "scikit-learn IsolationForest on v2";
    static final String RULE_V1 = "rule |r| / rolling vol (v1)";
    static final String RULE_Z = "rule |z_score| (v1)";
    static final String RULE_V2 = "rule |r| / σ̂ = |return_sigma| (v2)";
    static final List<String> RULES = List.of(RULE_V1, RULE_Z, RULE_V2);
    /** Not a detector: |r_t| / σ_t with the generator's own σ_t (jump generator only), the ceiling of the |r|/σ rules. */
    static final String ORACLE = "oracle |r| / true σ (the generator's own σ; not a detector)";

    public record Row(String detector, double auc, double averagePrecision, double precisionAtK) {
    }

    /** One generator and seed: every detector, and the served scorer at its operating point. */
    public record Run(Benchmarks.Generator generator, long seed, int bars, int testRows, int positives, List<Row> detectors,
                      OperatingPoint served) {
        public Row row(String detector) {
            return detectors.stream().filter(r -> r.detector().equals(detector)).findFirst().orElseThrow();
        }

        /** The oracle's row, where the generator has a true σ. */
        public java.util.Optional<Row> oracle() {
            return detectors.stream().filter(r -> r.detector().equals(ORACLE)).findFirst();
        }

        /** The rule with the highest average precision. */
        public Row bestRule() {
            return detectors.stream().filter(r -> RULES.contains(r.detector()))
                    .max(java.util.Comparator.comparingDouble(Row::averagePrecision)).orElseThrow();
        }
    }

    public record Report(List<Run> runs, BitstampResult bitstamp, long millis) {
    }

    public record BitstampResult(int trades, int bars, String from, String to, double threshold,
                                 List<String> featureNames, List<TopAnomalies.Anomaly> top, List<Move> largestMoves) {
    }

    /** A day's largest one-minute move (|ln(close / previous close)|) and its rank by the served score (1 = top). */
    public record Move(long openTime, double logReturn, int rank, double score) {
    }

    public static Report run(int bars, List<Long> seeds, InputStream bitstampCsv) throws Exception {
        long t0 = System.currentTimeMillis();
        List<Run> runs = new ArrayList<>();
        for (Benchmarks.Generator g : Benchmarks.Generator.values()) {
            for (long seed : seeds) runs.add(run(Benchmarks.generate(g, bars, seed)));
        }
        BitstampResult bitstamp = bitstampCsv == null ? null : bitstamp(bitstampCsv);
        return new Report(runs, bitstamp, System.currentTimeMillis() - t0);
    }

    static Run run(Benchmarks.Labelled data) throws Exception {
        Benchmarks.Split v1 = Benchmarks.split(data, V1, List.of(V2)), v2 = Benchmarks.split(data, V2, List.of(V1));
        boolean[] y = v2.testLabels();
        ModelArtifact served = ModelFitter.fit(V2, v2.train(), SERVED_RECIPE, Instant.EPOCH, "evaluation").artifact();
        Map<String, double[]> s = new LinkedHashMap<>();
        s.put(SERVED, score(served.servedScorer(), v2.test()));
        s.put(FOREST, score(served.model(), v2.test()));
        s.put(SKLEARN_V1, sklearn(v1));
        s.put(SKLEARN_V2, sklearn(v2));
        s.put(RULE_V1, RuleScores.absReturnOverVolatility(v1.test()));
        s.put(RULE_Z, RuleScores.absZScore(v1.test()));
        s.put(RULE_V2, RuleScores.absReturnSigma(v2.test()));
        if (data.trueSigma() != null) s.put(ORACLE, Benchmarks.oracle(data, v2));
        int k = 0;
        for (boolean b : y) if (b) k++;
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, double[]> e : s.entrySet()) rows.add(row(e.getKey(), e.getValue(), y, k));
        return new Run(data.generator(), data.seed(), data.bars().size(), y.length, k, rows,
                OperatingPoint.of(s.get(SERVED), y, served.threshold().value()));
    }

    /** scikit-learn's forest with the served recipe's trees, ψ and seed, fitted on the split's train rows. */
    private static double[] sklearn(Benchmarks.Split x) throws Exception {
        return SklearnBaseline.scores(x.train(), x.test(), SERVED_RECIPE.trees(), SERVED_RECIPE.maxSamples(), SERVED_RECIPE.seed());
    }

    private static double[] score(dev.riskplatform.core.scoring.Scorer scorer, FeatureMatrix m) {
        double[] out = new double[m.rows()];
        scorer.score(m.values(), m.rows(), out);
        return out;
    }

    private static Row row(String name, double[] s, boolean[] y, int k) {
        return new Row(name, Metrics.rocAuc(s, y), Metrics.averagePrecision(s, y), Metrics.precisionAtK(s, y, k));
    }

    /** The served recipe fitted on all bars of the week (unsupervised), then its ten highest-scoring bars. */
    private static BitstampResult bitstamp(InputStream csv) {
        BitstampCsv.Result trades = BitstampCsv.parse(csv, "BTCUSD");
        List<Bar> bars = BarBuilder.buildAll("BTCUSD", BarInterval.parse("1m"), BarBuilder.DEFAULT_ALLOWED_LATENESS_MS, trades.trades());
        FeatureMatrix m = FeatureEngine.computeAll(V2, bars);
        ModelArtifact a = ModelFitter.fit(V2, m, SERVED_RECIPE, Instant.EPOCH, "evaluation").artifact();
        List<TopAnomalies.Anomaly> top = TopAnomalies.of(a.servedScorer(), new Explainer(a.model(), V2.featureNames()), m, 10);
        return new BitstampResult(trades.trades().size(), bars.size(), Instant.ofEpochMilli(bars.get(0).openTime()).toString(),
                Instant.ofEpochMilli(bars.get(bars.size() - 1).openTime()).toString(), a.threshold().value(), V2.featureNames(), top,
                largestMoves(bars, m, score(a.servedScorer(), m)));
    }

    /**
     * Each UTC day's largest one-minute move (|log return| among the scored bars), largest first, each with its
     * rank among all served scores: what a desk expects among the top alerts of its day.
     */
    private static List<Move> largestMoves(List<Bar> bars, FeatureMatrix m, double[] scores) {
        int first = bars.size() - m.rows(); // row r is bar r + first
        Map<Long, Move> byDay = new LinkedHashMap<>();
        for (int r = 0; r < m.rows(); r++) {
            int rank = 1;
            for (double x : scores) if (x > scores[r]) rank++;
            Move move = new Move(m.openTimes()[r], Math.log(bars.get(r + first).close() / bars.get(r + first - 1).close()), rank, scores[r]);
            byDay.merge(Math.floorDiv(move.openTime(), DAY_MILLIS), move, (a, b) -> Math.abs(b.logReturn()) > Math.abs(a.logReturn()) ? b : a);
        }
        List<Move> moves = new ArrayList<>(byDay.values());
        moves.sort(java.util.Comparator.comparingDouble((Move x) -> -Math.abs(x.logReturn())));
        return List.copyOf(moves);
    }

    private static final long DAY_MILLIS = 86_400_000L;
}

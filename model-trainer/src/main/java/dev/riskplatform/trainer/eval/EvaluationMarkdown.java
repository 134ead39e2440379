package dev.riskplatform.trainer.eval;

import dev.riskplatform.core.model.FeatureContribution;
import dev.riskplatform.core.training.TopAnomalies;
import java.time.Instant;
import java.util.Locale;

/** The evaluation report as Markdown (pasted into docs/evaluation.md). */
final class EvaluationMarkdown {

    private EvaluationMarkdown() {
    }

    static String render(EvaluationRunner.Report r) {
        StringBuilder s = new StringBuilder();
        s.append(f("## Jump benchmark: %,d one-minute bars (%,d scored rows after warm-up), %,d jumps, seed %d (%.1f s)%n%n",
                r.bars(), r.rows(), r.jumps(), r.seed(), r.millis() / 1000.0));
        s.append(f("| detector | ROC AUC | average precision | precision@%d | false alerts in top %d |%n|---|---|---|---|---|%n", r.jumps(), r.jumps()));
        for (EvaluationRunner.Row x : r.detectors()) {
            s.append(f("| %s | %.5f | %.4f | %.4f | %d |%n", x.detector(), x.auc(), x.averagePrecision(), x.precisionAtK(), x.falseAlertsAtK()));
        }
        EvaluationRunner.Alerting a = r.blend();
        s.append(f("%nBlend at its label-free threshold (the %.3f %% alert budget: score > %.4f): %d alerts, %d jumps caught "
                + "(precision %.4f, recall %.4f), false-alert rate %.2e of normal bars.%n",
                100 * EvaluationRunner.ALERT_BUDGET, a.threshold(), a.alerts(), a.truePositives(), a.precision(), a.recall(), a.falseAlertRate()));
        if (r.bitstamp() != null) bitstamp(s, r.bitstamp());
        return s.toString();
    }

    private static void bitstamp(StringBuilder s, EvaluationRunner.BitstampResult b) {
        s.append(f("%n## Bitstamp BTC/USD 2013 (ta4j-examples): %,d trades → %,d one-minute bars, %s .. %s%n%n", b.trades(), b.bars(), b.from(), b.to()));
        s.append("Top 10 by our Isolation Forest (100 trees, ψ = 256, seed 42, fitted on all bars):\n\n");
        s.append("| bar open (UTC) | close | score | log_return | volatility | z_score | main reason |\n|---|---|---|---|---|---|---|\n");
        for (TopAnomalies.Anomaly x : b.top()) {
            FeatureContribution c = x.explanation().contributions().get(0);
            s.append(f("| %s | %.2f | %.4f | %.5f | %.5f | %.2f | %s %.4g (typical %.3g..%.3g), %.0f %% |%n", Instant.ofEpochMilli(x.openTime()),
                    x.close(), x.score(), x.features()[0], x.features()[1], x.features()[2], c.name(), c.value(), c.typicalLow(),
                    c.typicalHigh(), 100 * c.contribution()));
        }
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}

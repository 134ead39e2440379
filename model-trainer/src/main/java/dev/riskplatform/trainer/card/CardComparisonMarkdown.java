package dev.riskplatform.trainer.card;

import java.util.Arrays;
import java.util.Locale;

/** card.md's autoencoder section: the network, and IF vs autoencoder vs combination on the holdout. */
final class CardComparisonMarkdown {

    private CardComparisonMarkdown() {
    }

    static void render(StringBuilder s, ModelCard c) {
        ModelCard.AutoencoderInfo ae = c.autoencoder();
        if (ae == null) return;
        s.append("\n## Autoencoder (companion `autoencoder.json`)\n\n");
        s.append(f("Layers %s (tanh hidden, identity output), trained with DL4J in %d ms; %s. Artifact SHA-256 `%s`. "
                + "Score = mean squared reconstruction error of the standardized row; anomaly when > %.6g (training p50 %.4g, p99 %.4g).%n%n",
                Arrays.toString(ae.layerSizes()), ae.trainMillis(), ae.parameters(), ae.artifactSha256(), ae.threshold(),
                ae.trainingScores().p50(), ae.trainingScores().p99()));
        ModelCard.Comparison cmp = c.comparison();
        if (cmp == null) {
            s.append("No injected-jump comparison: it needs the v1 closes-only features; v2 scorers are compared in docs/evaluation.md.\n");
            return;
        }
        s.append("## Isolation Forest vs autoencoder vs combination (holdout)\n\n");
        s.append(f("Combination c = max(s_IF / t_IF, s_AE / t_AE) (alerts when either model alerts, c > 1). Ranking metrics on the "
                + "holdout with %d injected jumps (±4–10 σ of the bar's volatility; features recomputed), k = %d.%n%n",
                cmp.injectedJumps(), cmp.injectedJumps()));
        s.append("| model | threshold | holdout alert rate | ROC AUC | average precision | precision@k |\n|---|---|---|---|---|---|\n");
        for (ModelCard.Compared m : cmp.models()) {
            s.append(f("| %s | %.6g | %.5f | %s | %s | %s |%n", m.kind(), m.threshold(), m.holdoutAlertRate(), num(m.rocAuc()),
                    num(m.averagePrecision()), num(m.precisionAtK())));
        }
        s.append(f("%nHoldout alert agreement (Jaccard of IF and autoencoder alerts): %.3f. Best on injected jumps: **%s**. "
                + "Serving scorer (registry): **%s** — %s.%n", cmp.alertJaccard(), cmp.bestOnInjectedJumps() == null ? "n/a (holdout too short)"
                : cmp.bestOnInjectedJumps(), cmp.servingScorer(), cmp.servingReason()));
    }

    private static String num(Double v) {
        return v == null ? "n/a" : f("%.4f", v);
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}

package dev.riskplatform.trainer.card;

import java.util.List;
import java.util.Locale;

/** card.md: the card for people (card.json is the same content for machines). */
public final class CardMarkdown {

    private CardMarkdown() {
    }

    public static String render(ModelCard c) {
        StringBuilder s = new StringBuilder();
        s.append("# Model card: ").append(c.model()).append("\n\n");
        s.append("Artifact SHA-256 `").append(c.artifactSha256()).append("`, created ").append(c.createdAt())
                .append(", feature spec ").append(c.featureSpec()).append(".\n\n");
        ModelCard.Data d = c.data();
        s.append("## Data\n\n").append(f("%s %s, UTC days %s..%s; dataset `%s`%s.\n\n", d.symbol(), d.interval(), d.fromDay(), d.toDay(),
                d.datasetKey(), d.datasetReused() ? " (reused)" : ""));
        s.append(f("| rows | training | holdout |\n|---|---|---|\n| %d | %d (%s .. %s) | %d (%s .. %s) |\n\n", d.rows(), d.trainRows(),
                d.trainFrom(), d.trainTo(), d.holdoutRows(), d.holdoutFrom(), d.holdoutTo()));
        s.append("## Parameters\n\n");
        c.parameters().forEach((k, v) -> s.append("- ").append(k).append(": ").append(v).append('\n'));
        s.append(f("\n## Operating point\n\nServed score: %s. A bar is an anomaly when its score > %.6f: %.4f of the training bars, "
                + "about %.1f alerts a day for this symbol before the alert cool-down merges episodes.\n\n", c.threshold().scorer(),
                c.threshold().value(), c.threshold().alertRate(), c.threshold().alertsPerDay()));
        validation(s, c);
        histogram(s, c.histogram());
        anomalies(s, c);
        CardComparisonMarkdown.render(s, c);
        return s.toString();
    }

    private static void validation(StringBuilder s, ModelCard c) {
        ModelCard.Holdout h = c.holdout();
        s.append("## Validation\n\n").append(h.promoted() ? "**Promoted.**" : "**Not promoted:** " + h.reason()).append("\n\n");
        if (h.scores() != null) {
            s.append(f("Holdout alert rate %.5f; holdout scores p50 %.4f, p99 %.4f, max %.4f. Training scores p50 %.4f, p99 %.4f.\n\n",
                    h.alertRate(), h.scores().p50(), h.scores().p99(), h.scores().max(), c.trainingScores().p50(), c.trainingScores().p99()));
        }
    }

    private static void histogram(StringBuilder s, ModelCard.Histogram h) {
        s.append("## Training score histogram\n\n| score bin | rows |\n|---|---|\n");
        double w = (h.hi() - h.lo()) / h.counts().length;
        for (int b = 0; b < h.counts().length; b++) {
            if (h.counts()[b] > 0) s.append(f("| [%.2f, %.2f) | %d |\n", h.lo() + b * w, h.lo() + (b + 1) * w, h.counts()[b]));
        }
        s.append('\n');
    }

    private static void anomalies(StringBuilder s, ModelCard c) {
        // The first two features of the model's spec: the return and its scale (v1 log_return and volatility, v2 return_sigma and range_sigma).
        List<String> shown = c.topAnomalies().isEmpty() ? List.of() : List.copyOf(c.topAnomalies().get(0).features().keySet()).subList(0, 2);
        s.append(f("## Top anomalies\n\n| time (UTC) | close | score | %s | main reasons |\n|---|---|---|---|---|---|\n", String.join(" | ", shown)));
        for (ModelCard.Anomaly a : c.topAnomalies()) {
            StringBuilder why = new StringBuilder();
            a.explanation().stream().limit(2).forEach(x -> why.append(f("%s %.4g (typical %.3g..%.3g, %.0f%%) ", x.feature(), x.value(),
                    x.typicalLow(), x.typicalHigh(), 100 * x.contribution())));
            s.append(f("| %s | %.2f | %.4f | %.5g | %.5g | %s|\n", a.time(), a.close(), a.score(), a.features().get(shown.get(0)),
                    a.features().get(shown.get(1)), why));
        }
    }

    private static String f(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}

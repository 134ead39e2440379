package dev.riskplatform.core.training;

import dev.riskplatform.core.artifact.ModelArtifact;
import dev.riskplatform.core.artifact.ModelArtifactException;
import dev.riskplatform.core.artifact.RegisteredModel;
import dev.riskplatform.core.features.FeatureMatrix;
import dev.riskplatform.core.features.FeatureSpec;
import dev.riskplatform.core.scoring.ScoreSummary;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Checks a sealed artifact the way a detector will see it, then on data it never saw. Rules, in order:
 * <ol>
 *   <li>the bytes load (format, structure) and were trained on the expected feature spec;</li>
 *   <li>the content hash verifies;</li>
 *   <li>every holdout score is finite;</li>
 *   <li>not degenerate: p99 − p50 of holdout scores > {@code minScoreSpread};</li>
 *   <li>holdout alert count k = #(score > threshold) within [e / factor − 3√e, e · factor + 3√e + 3], e = rate · n:
 *       the factor bounds a shift of the score distribution, the Poisson slack keeps a short holdout at a
 *       few alerts a day (e ≈ 4) from failing on chance alone.</li>
 * </ol>
 * Scores are the artifact's served scores.
 */
public final class ModelValidator {

    private ModelValidator() {
    }

    public static Validation validate(byte[] artifactBytes, FeatureSpec spec, FeatureMatrix holdout, TrainingConfig cfg) {
        int n = holdout.rows();
        ModelArtifact artifact;
        try {
            artifact = ModelArtifact.read(new ByteArrayInputStream(artifactBytes), spec);
            RegisteredModel.contentHash(artifactBytes);
        } catch (ModelArtifactException e) {
            return Validation.failed("artifact does not load: " + e.getMessage(), n, Double.NaN, null);
        } catch (IOException e) {
            return Validation.failed("artifact does not load: " + e, n, Double.NaN, null);
        }
        double[] scores = new double[n];
        artifact.servedScorer().score(holdout.values(), n, scores);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(scores[i])) return Validation.failed("holdout score " + i + " is not finite: " + scores[i], n, Double.NaN, null);
        }
        return judge(scores, artifact.threshold().value(), cfg);
    }

    private static Validation judge(double[] scores, double threshold, TrainingConfig cfg) {
        int n = scores.length;
        ScoreSummary s = ScoreSummary.of(scores);
        int alerts = 0;
        for (double v : scores) if (v > threshold) alerts++;
        double rate = (double) alerts / n;
        double spread = s.p99() - s.p50();
        if (!(spread > cfg.minScoreSpread())) {
            return Validation.failed(fmt("degenerate holdout scores: p99 - p50 = %.6g, must exceed %.6g", spread, cfg.minScoreSpread()), n, rate, s);
        }
        double e = cfg.alertRate() * n, slack = 3 * Math.sqrt(e);
        double lo = Math.max(0, e / cfg.alertRateFactor() - slack) / n, hi = (e * cfg.alertRateFactor() + slack + 3) / n;
        if (rate < lo || rate > hi) {
            return Validation.failed(fmt("holdout alert rate %.5f (%d of %d) is outside [%.5f, %.5f] (target %.5f, factor %.3g)",
                    rate, alerts, n, lo, hi, cfg.alertRate(), cfg.alertRateFactor()), n, rate, s);
        }
        return new Validation(true, null, n, rate, s);
    }

    private static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}

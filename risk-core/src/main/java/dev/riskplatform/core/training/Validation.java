package dev.riskplatform.core.training;

import dev.riskplatform.core.scoring.ScoreSummary;

/**
 * The verdict on a fitted model before promotion.
 *
 * @param passed           every rule held
 * @param reason           the first rule that failed, null when passed
 * @param holdoutRows      rows scored
 * @param holdoutAlertRate fraction of holdout rows with score > threshold (NaN if not scored)
 * @param holdoutScores    holdout score distribution (null if not scored)
 */
public record Validation(boolean passed, String reason, int holdoutRows, double holdoutAlertRate, ScoreSummary holdoutScores) {

    static Validation failed(String reason, int rows, double rate, ScoreSummary scores) {
        return new Validation(false, reason, rows, rate, scores);
    }
}

package dev.riskplatform.core.scoring;

import dev.riskplatform.core.stats.Quantiles;
import java.util.Arrays;

/** The training score distribution, stored with a model so drift in live scores can be seen. */
public record ScoreSummary(double min, double p50, double p90, double p99, double max, double mean) {

    public ScoreSummary {
        for (double v : new double[] {min, p50, p90, p99, max, mean}) {
            if (!Double.isFinite(v)) throw new IllegalArgumentException("score summary must be finite, got " + v);
        }
        if (!(min <= p50 && p50 <= p90 && p90 <= p99 && p99 <= max)) {
            throw new IllegalArgumentException("score summary quantiles must be ordered min <= p50 <= p90 <= p99 <= max");
        }
    }

    public static ScoreSummary of(double[] scores) {
        double[] s = scores.clone();
        Arrays.sort(s);
        double sum = 0;
        for (double v : s) sum += v;
        return new ScoreSummary(s[0], Quantiles.linear(s, 0.5), Quantiles.linear(s, 0.9),
                Quantiles.linear(s, 0.99), s[s.length - 1], sum / s.length);
    }
}

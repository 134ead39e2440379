package dev.riskplatform.core.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Backtests the 1-day VaRs of a symbol's stored daily rows. The VaR of row d is the forecast for day d + 1, so
 * an observation is a pair (row d with that VaR, row d + 1): an <b>exceedance</b> when
 * {@code R_{d+1} = ln(C_{d+1} / C_d) < −VaR_d} (the loss exceeds the VaR), from the two rows' closes (the same
 * stored closes the VaR is computed from, so a re-run of day d cannot leave a stale return). Days without a pair are not observations. A transition
 * (for Christoffersen) joins two observations on consecutive days only: a gap starts a new run.
 */
public final class Backtests {

    public static final double[] CONFIDENCES = {0.95, 0.99};

    private Backtests() {
    }

    /** One row per method and confidence; {@code rows} of one symbol, any order, at most one per date. */
    public static List<BacktestRow> of(String symbol, List<DailyRiskMetrics> rows) {
        List<DailyRiskMetrics> sorted = rows.stream().sorted(Comparator.comparing(DailyRiskMetrics::date)).toList();
        List<BacktestRow> out = new ArrayList<>();
        for (VarMethod method : VarMethod.values()) {
            for (double p : CONFIDENCES) out.add(test(symbol, sorted, method, p));
        }
        return out;
    }

    static BacktestRow test(String symbol, List<DailyRiskMetrics> sorted, VarMethod method, double confidence) {
        List<LocalDate> days = new ArrayList<>();
        List<Boolean> hits = new ArrayList<>();
        for (int i = 0; i + 1 < sorted.size(); i++) {
            DailyRiskMetrics d = sorted.get(i), next = sorted.get(i + 1);
            Double var = method.of(d.oneDay()).var(confidence);
            if (var == null || !next.date().equals(d.date().plusDays(1))) continue;
            days.add(next.date());
            hits.add(Math.log(next.close() / d.close()) < -var);
        }
        return row(symbol, method, confidence, days, hits);
    }

    private static BacktestRow row(String symbol, VarMethod method, double confidence, List<LocalDate> days, List<Boolean> hits) {
        double p = Math.round((1 - confidence) * 1e9) / 1e9; // 0.05, 0.01 exactly as written
        int t = hits.size();
        int x = (int) hits.stream().filter(h -> h).count();
        long[] n = transitions(days, hits);
        if (t == 0) {
            return new BacktestRow(symbol, method.id(), confidence, null, null, 0, 0, p, null, null, null, 0, 0, 0, 0,
                    null, null, null, null);
        }
        double pof = VarBacktest.kupiecLr(t, x, p), ind = VarBacktest.christoffersenLr(n[0], n[1], n[2], n[3]);
        return new BacktestRow(symbol, method.id(), confidence, days.get(0), days.get(t - 1), t, x, p, (double) x / t,
                pof, VarBacktest.pValue1(pof), n[0], n[1], n[2], n[3], ind, VarBacktest.pValue1(ind),
                pof + ind, VarBacktest.pValue2(pof + ind));
    }

    /** {n00, n01, n10, n11} over pairs of observations on consecutive days. */
    static long[] transitions(List<LocalDate> days, List<Boolean> hits) {
        long[] n = new long[4];
        for (int i = 1; i < hits.size(); i++) {
            if (!days.get(i).equals(days.get(i - 1).plusDays(1))) continue;
            n[(hits.get(i - 1) ? 2 : 0) + (hits.get(i) ? 1 : 0)]++;
        }
        return n;
    }
}

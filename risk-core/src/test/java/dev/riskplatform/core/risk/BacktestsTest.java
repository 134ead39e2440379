package dev.riskplatform.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pairing of row d's VaR with day d + 1's return, on rows built by hand. */
class BacktestsTest {

    private static final LocalDate D0 = LocalDate.of(2024, 3, 1);

    /**
     * Days 0..6 but 4 are stored, each with a historical VaR99 of 0.02; closes chained from returns −0.03, −0.01, −0.05, 0,
     * +0.01, −0.025 (days 1..6).
     * Pairs (forecast day → tested day): 0→1 hit, 1→2 no, 2→3 hit, 3→4 none (no row 4), 5→6 hit; row 4 is
     * missing so 4→5 is no pair either. T = 4, x = 3; transitions between consecutive tested days 1→2 (1,0),
     * 2→3 (0,1); 3 and 6 are not consecutive: n00 = 0, n01 = 1, n10 = 1, n11 = 0.
     */
    @Test
    void pairsForecastWithNextDaysReturn() {
        double[] ret = {0, -0.03, -0.01, -0.05, 0.0, 0.01, -0.025};
        List<DailyRiskMetrics> rows = new ArrayList<>();
        double close = 100;
        for (int d = 0; d < ret.length; d++) {
            close *= Math.exp(ret[d]); // C_d = C_{d−1} e^{R_d}
            if (d != 4) rows.add(row(D0.plusDays(d), close, 0.02));
        }
        BacktestRow hs99 = Backtests.of("X", rows).stream()
                .filter(r -> r.method().equals("hs") && r.confidence() == 0.99).findFirst().orElseThrow();
        assertEquals(4, hs99.observations());
        assertEquals(3, hs99.exceedances());
        assertEquals(D0.plusDays(1), hs99.from());
        assertEquals(D0.plusDays(6), hs99.to());
        assertEquals(List.of(0L, 1L, 1L, 0L), List.of(hs99.n00(), hs99.n01(), hs99.n10(), hs99.n11()));
        assertEquals(VarBacktest.kupiecLr(4, 3, 0.01), hs99.lrPof(), 0.0);
        assertEquals(VarBacktest.christoffersenLr(0, 1, 1, 0), hs99.lrInd(), 0.0);
        assertEquals(hs99.lrPof() + hs99.lrInd(), hs99.lrCc(), 0.0);
        BacktestRow ewma = Backtests.of("X", rows).stream().filter(r -> r.method().equals("ewma")).findFirst().orElseThrow();
        assertEquals(0, ewma.observations()); // no EWMA VaR in these rows
        assertNull(ewma.lrPof());
    }

    private static DailyRiskMetrics row(LocalDate date, double close, double var99) {
        OneDayRisk one = new OneDayRisk(250, new VarEs(0.01, 0.015, var99, 0.03), null, VarEs.NONE);
        return new DailyRiskMetrics("X", date, close, close, close, close, null, null, null, null, null, null, 0,
                VarEs.NONE, one, 0, null, "m", 1, 1, 1440, 1439, 0, 0);
    }
}

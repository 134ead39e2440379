package dev.riskplatform.core.portfolio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.riskplatform.core.portfolio.Portfolio.Position;
import dev.riskplatform.core.portfolio.Portfolio.Sizing;
import dev.riskplatform.core.risk.OneDayRisk;
import dev.riskplatform.core.risk.VarEs;
import dev.riskplatform.core.stats.Normal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Portfolio risk on examples worked by hand (the arithmetic in the comments), and its identities. */
class PortfolioRiskTest {

    private static final LocalDate D0 = LocalDate.of(2024, 1, 1);

    @Test
    void weightsFromQuantitiesAndFromWeights() {
        Portfolio q = new Portfolio("q", Sizing.QUANTITY, List.of(new Position("A", 2), new Position("B", 10)));
        // values 2 × 100 = 200 and 10 × 5 = 50: V = 250, w = (0.8, 0.2)
        assertArrayEquals(new double[] {0.8, 0.2}, q.weights(new double[] {100, 5}), 1e-15);
        assertEquals(250.0, q.value(new double[] {100, 5}), 1e-12);
        Portfolio w = new Portfolio("w", Sizing.WEIGHT, List.of(new Position("A", 3), new Position("B", 1)));
        assertArrayEquals(new double[] {0.75, 0.25}, w.weights(new double[] {100, 5}), 1e-15); // 3/4, 1/4
        assertNull(w.value(new double[] {100, 5}));
    }

    @Test
    void definitionsAreChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Portfolio("a b", Sizing.WEIGHT, List.of(new Position("A", 1))));
        assertThrows(IllegalArgumentException.class, () -> new Portfolio("p", Sizing.WEIGHT, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Portfolio("p", Sizing.WEIGHT, List.of(new Position("A", -1))));
        assertThrows(IllegalArgumentException.class,
                () -> new Portfolio("p", Sizing.WEIGHT, List.of(new Position("A", 1), new Position("A", 2))));
    }

    @Test
    void portfolioLogReturnIsExact() {
        // 0.5 × 1.1 + 0.5 × 0.9 = 1.0: ln 1 = 0
        assertEquals(0.0, PortfolioRisk.logReturn(new double[] {0.5, 0.5}, new double[] {Math.log(1.1), Math.log(0.9)}), 1e-16);
        // 0.8 × 1.05 + 0.2 × 0.5 = 0.84 + 0.10 = 0.94
        assertEquals(Math.log(0.94), PortfolioRisk.logReturn(new double[] {0.8, 0.2}, new double[] {Math.log(1.05), Math.log(0.5)}), 1e-15);
    }

    @Test
    void ewmaCovarianceByHand() {
        // days oldest first; λ = 0.5: weights newest first 1, 0.5, 0.25, total 1.75
        double[][] r = {{0.01, 0.02}, {-0.02, 0.01}, {0.03, -0.01}};
        double[][] cov = EwmaCovariance.of(r, 0.5);
        assertEquals((0.0009 + 0.5 * 0.0004 + 0.25 * 0.0001) / 1.75, cov[0][0], 1e-18); // 0.001125 / 1.75
        assertEquals((-0.0003 - 0.5 * 0.0002 + 0.25 * 0.0002) / 1.75, cov[0][1], 1e-18); // −0.00035 / 1.75 = −0.0002
        assertEquals(-0.0002, cov[1][0], 1e-18);
        assertEquals((0.0001 + 0.5 * 0.0001 + 0.25 * 0.0004) / 1.75, cov[1][1], 1e-18); // 0.00025 / 1.75
        // ρ = −0.0002 / sqrt(0.000642857 × 0.000142857) = −0.0002 / 0.000303046 = −0.659966
        assertEquals(-0.0002 / Math.sqrt(0.001125 / 1.75 * 0.00025 / 1.75), EwmaCovariance.correlation(cov)[0][1], 1e-12);
        assertEquals(-0.6599663, EwmaCovariance.correlation(cov)[0][1], 1e-7);
    }

    @Test
    void componentVarByHand() {
        // Σ = [[0.04, 0.006], [0.006, 0.01]], w = (0.6, 0.4): Σw = (0.0264, 0.0076), wᵀΣw = 0.01584 + 0.00304 = 0.01888
        double[][] cov = {{0.04, 0.006}, {0.006, 0.01}};
        double sigma = Math.sqrt(0.01888);
        List<ComponentVar> c = PortfolioRisk.components(List.of("A", "B"), new double[] {0.6, 0.4}, cov, sigma);
        assertEquals(0.01584 / 0.01888, c.get(0).share(), 1e-12); // 0.838983
        assertEquals(0.00304 / 0.01888, c.get(1).share(), 1e-12); // 0.161017
        assertEquals(0.01584 / sigma * 2.3263479, c.get(0).var99(), 1e-7);
        assertEquals(0.00304 / sigma * 1.6448536, c.get(1).var95(), 1e-7);
        assertEquals(Normal.quantile(0.99) * sigma, c.get(0).var99() + c.get(1).var99(), 1e-15); // Euler: Σ CVaR = VaR
        assertEquals(0.3, EwmaCovariance.correlation(cov)[0][1], 1e-15); // 0.006 / sqrt(0.04 × 0.01) = 0.006 / 0.02
    }

    /**
     * Rebalanced 50/50: A's simple return on day k = 1..40 is x_k = (k − 20)/200, B's +2 % every day, so the
     * portfolio's simple return is (x_k + 0.02)/2. Its lowest two: k = 1, (−0.095 + 0.02)/2 = −0.0375, and k = 2,
     * (−0.09 + 0.02)/2 = −0.035. n = 40: k95 = ceil(40 × 0.05) = 2, k99 = max(1, ceil(0.4)) = 1.
     */
    @Test
    void historicalSimulationByHand() {
        TreeMap<LocalDate, Double> a = new TreeMap<>(), b = new TreeMap<>();
        a.put(D0, 100.0);
        b.put(D0, 50.0);
        for (int k = 1; k <= 40; k++) {
            a.put(D0.plusDays(k), a.get(D0.plusDays(k - 1)) * (1 + (k - 20) / 200.0));
            b.put(D0.plusDays(k), b.get(D0.plusDays(k - 1)) * 1.02);
        }
        Portfolio p = new Portfolio("p", Sizing.WEIGHT, List.of(new Position("A", 1), new Position("B", 1)));
        PortfolioRisk last = last(PortfolioRisks.of(p, Map.of("A", a, "B", b)));
        assertEquals(40, last.windowDays());
        assertEquals(-Math.log(0.965), last.historical().var95(), 1e-14);
        assertEquals(-(Math.log(0.9625) + Math.log(0.965)) / 2, last.historical().es95(), 1e-14);
        assertEquals(-Math.log(0.9625), last.historical().var99(), 1e-14);
        assertEquals(-Math.log(0.9625), last.historical().es99(), 1e-14);
        double cvar99 = last.components().stream().mapToDouble(ComponentVar::var99).sum();
        assertEquals(last.ewma().var99(), cvar99, 1e-15, "Euler: the component VaRs add up to the EWMA VaR");
    }

    @Test
    void oneSymbolPortfolioIsTheSymbolsOwnOneDayRisk() {
        Random rnd = new Random(5);
        TreeMap<LocalDate, Double> closes = walk(rnd, 300, 0.1);
        closes.put(D0.plusDays(299), 123.0);
        Portfolio p = new Portfolio("one", Sizing.QUANTITY, List.of(new Position("A", 3)));
        PortfolioRisk last = last(PortfolioRisks.of(p, Map.of("A", closes)));
        double[] history = new double[OneDayRisk.WINDOW_DAYS];
        for (int j = 0; j < history.length; j++) history[j] = closes.getOrDefault(D0.plusDays(299 - OneDayRisk.WINDOW_DAYS + j), Double.NaN);
        OneDayRisk own = OneDayRisk.of(OneDayRisk.dailyReturns(history, 123.0));
        assertEquals(own.windowDays(), last.windowDays());
        assertVarEs(own.historical(), last.historical(), 1e-15);
        assertEquals(own.ewmaSigma(), last.ewmaSigma(), 1e-15);
        assertVarEs(own.ewma(), last.ewma(), 1e-15);
        assertEquals(own.ewma().var99(), last.components().get(0).var99(), 1e-15);
        assertEquals(1.0, last.components().get(0).share(), 1e-15);
        assertEquals(369.0, last.value(), 1e-12); // 3 × 123
    }

    /**
     * B misses day 10: the portfolio has no row on day 10, and days 10 and 11 are not common days (B has no return on
     * either). Days 1..24 less those two: the last day's window has 22 returns. B = A's prices: every identity holds.
     */
    @Test
    void aDayOneMemberMissesLeavesTheWindowForEveryone() {
        TreeMap<LocalDate, Double> a = walk(new Random(3), 25, 0.0), b = new TreeMap<>(a);
        b.remove(D0.plusDays(10));
        Portfolio p = new Portfolio("p", Sizing.QUANTITY, List.of(new Position("A", 1), new Position("B", 3)));
        List<PortfolioRisk> days = PortfolioRisks.of(p, Map.of("A", a, "B", b));
        assertEquals(24, days.size());
        assertTrue(days.stream().noneMatch(d -> d.date().equals(D0.plusDays(10))));
        PortfolioRisk last = last(days);
        assertEquals(22, last.windowDays());
        TreeMap<LocalDate, Double> aAsB = new TreeMap<>(b); // A alone over the same days
        PortfolioRisk alone = last(PortfolioRisks.of(new Portfolio("a", Sizing.WEIGHT, List.of(new Position("A", 1))), Map.of("A", aAsB)));
        assertVarEs(alone.historical(), last.historical(), 1e-15);
        assertEquals(alone.ewmaSigma(), last.ewmaSigma(), 1e-15);
        assertEquals(0.25, last.components().get(0).share(), 1e-12); // perfectly correlated: share = weight 1/4
        assertEquals(1.0, last.correlation()[0][1], 1e-12);
    }

    @Test
    void tooShortAWindowGivesNoEstimateButTheWeights() {
        TreeMap<LocalDate, Double> a = walk(new Random(1), 10, 0.0);
        PortfolioRisk last = last(PortfolioRisks.of(new Portfolio("p", Sizing.QUANTITY, List.of(new Position("A", 2))), Map.of("A", a)));
        assertEquals(9, last.windowDays());
        assertEquals(VarEs.NONE, last.historical());
        assertNull(last.ewmaSigma());
        assertNull(last.correlation());
        assertEquals(1.0, last.components().get(0).weight());
        assertNull(last.components().get(0).var99());
        assertTrue(PortfolioRisks.of(new Portfolio("p", Sizing.WEIGHT, List.of(new Position("A", 1), new Position("Z", 1))),
                Map.of("A", a)).isEmpty(), "Z has no closes: no day has every member");
    }

    private static PortfolioRisk last(List<PortfolioRisk> days) {
        return days.get(days.size() - 1);
    }

    private static void assertVarEs(VarEs expected, VarEs actual, double tol) {
        assertEquals(expected.var95(), actual.var95(), tol);
        assertEquals(expected.es95(), actual.es95(), tol);
        assertEquals(expected.var99(), actual.var99(), tol);
        assertEquals(expected.es99(), actual.es99(), tol);
    }

    /** A 3 %-a-day random walk of n days from D0, each day but the last missing with probability {@code missing}. */
    static TreeMap<LocalDate, Double> walk(Random rnd, int n, double missing) {
        TreeMap<LocalDate, Double> c = new TreeMap<>();
        double p = 100;
        for (int i = 0; i < n; i++) {
            p *= Math.exp(0.03 * rnd.nextGaussian());
            if (i == n - 1 || rnd.nextDouble() >= missing) c.put(D0.plusDays(i), p);
        }
        return c;
    }
}

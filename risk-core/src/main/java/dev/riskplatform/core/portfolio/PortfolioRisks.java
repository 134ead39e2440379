package dev.riskplatform.core.portfolio;

import dev.riskplatform.core.risk.OneDayRisk;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A portfolio's {@link PortfolioRisk} for every day on which <b>every</b> member has a daily close (a day some
 * member lacks has no portfolio row: its weights are unknown). Missing days, the rule:
 * <ul>
 *   <li>symbol i's return on day d is {@code r_{d,i} = ln(C_{d,i} / C_{d−1,i})}, defined only when the symbol has
 *       closes on d and d − 1 (as the single-symbol 1-day VaR: never a 2-day return);</li>
 *   <li>day d is a <b>common day</b> when every member has a return on it; the portfolio's samples are the
 *       common days only (a day one member misses removes that day and the next for the whole portfolio);</li>
 *   <li>the window of day d is the common days among the {@link OneDayRisk#WINDOW_DAYS} calendar days
 *       d − 249..d; {@code windowDays} = n, how many there are.</li>
 * </ul>
 */
public final class PortfolioRisks {

    private PortfolioRisks() {
    }

    /** {@code closes}: each member's daily closes by date (a member without any is as one with none stored). */
    public static List<PortfolioRisk> of(Portfolio portfolio, Map<String, ? extends NavigableMap<LocalDate, Double>> closes) {
        List<String> symbols = portfolio.symbols();
        List<NavigableMap<LocalDate, Double>> series = new ArrayList<>();
        for (String s : symbols) series.add(closes.containsKey(s) ? closes.get(s) : new TreeMap<>());
        NavigableMap<LocalDate, double[]> common = commonReturns(series);
        List<PortfolioRisk> out = new ArrayList<>();
        for (LocalDate d : series.get(0).keySet()) {
            double[] c = closesOn(series, d);
            if (c == null) continue;
            double[][] window = common.subMap(d.minusDays(OneDayRisk.WINDOW_DAYS - 1), true, d, true).values().toArray(double[][]::new);
            out.add(PortfolioRisk.of(d, symbols, portfolio.weights(c), portfolio.value(c), window));
        }
        return out;
    }

    /** The common days' returns r_{d,i} (class comment), by date. */
    static NavigableMap<LocalDate, double[]> commonReturns(List<NavigableMap<LocalDate, Double>> series) {
        NavigableMap<LocalDate, double[]> common = new TreeMap<>();
        for (LocalDate d : series.get(0).keySet()) {
            double[] today = closesOn(series, d), yesterday = closesOn(series, d.minusDays(1));
            if (today == null || yesterday == null) continue;
            double[] r = new double[today.length];
            for (int i = 0; i < r.length; i++) r[i] = Math.log(today[i] / yesterday[i]);
            common.put(d, r);
        }
        return common;
    }

    /** Every member's close on d, or null when some member has none. */
    private static double[] closesOn(List<NavigableMap<LocalDate, Double>> series, LocalDate d) {
        double[] c = new double[series.size()];
        for (int i = 0; i < c.length; i++) {
            Double x = series.get(i).get(d);
            if (x == null) return null;
            c[i] = x;
        }
        return c;
    }
}

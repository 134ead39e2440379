package dev.riskplatform.batch.portfolio;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.riskplatform.batch.metrics.MetricsHistory;
import dev.riskplatform.core.portfolio.ComponentVar;
import dev.riskplatform.core.portfolio.Portfolio;
import dev.riskplatform.core.portfolio.PortfolioRisk;
import dev.riskplatform.core.portfolio.PortfolioRisks;
import dev.riskplatform.core.risk.VarEs;
import dev.riskplatform.io.AnalyticsKeys;
import dev.riskplatform.service.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A portfolio's daily risk table (docs/metrics.md "Portfolio risk"): risk-core's {@link PortfolioRisks} over the
 * stored metrics/daily/ closes of every member, written as one JSON object at {@link AnalyticsKeys#portfolioKey}
 * (one PUT replaces it whole): the definition, then one entry per day on which every member has a row, with the
 * 1-day VaR/ES (HS and EWMA), the component VaRs and the EWMA correlation matrix in {@code symbols} order.
 */
@ApplicationScoped
public class PortfolioTable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final MetricsHistory history;
    private final ObjectStore store;

    public PortfolioTable(MetricsHistory history, ObjectStore store) {
        this.history = history;
        this.store = store;
    }

    /** Recomputes the portfolio's table from its members' stored rows and replaces the object; answers its key. */
    public String write(Portfolio portfolio) {
        Map<String, TreeMap<LocalDate, Double>> closes = new LinkedHashMap<>();
        for (String s : portfolio.symbols()) {
            TreeMap<LocalDate, Double> c = new TreeMap<>();
            history.rows(s).forEach((d, m) -> c.put(d, m.close()));
            closes.put(s, c);
        }
        List<PortfolioRisk> days = PortfolioRisks.of(portfolio, closes);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("name", portfolio.name());
        doc.put("sizing", portfolio.sizing().name().toLowerCase());
        doc.put("positions", positions(portfolio));
        doc.put("symbols", portfolio.symbols());
        doc.put("through", days.isEmpty() ? null : days.get(days.size() - 1).date().toString());
        doc.put("days", days.stream().map(PortfolioTable::day).toList());
        String key = AnalyticsKeys.portfolioKey(portfolio.name());
        try {
            store.put(key, JSON.writeValueAsBytes(doc), "application/json");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return key;
    }

    /** {@code [{"symbol": S, "quantity": q}, …]}, or {@code "weight"} for a portfolio of weights (as configured). */
    static List<Map<String, Object>> positions(Portfolio portfolio) {
        String amount = portfolio.sizing() == Portfolio.Sizing.QUANTITY ? "quantity" : "weight";
        return portfolio.positions().stream().map(p -> Map.<String, Object>of("symbol", p.symbol(), amount, p.amount())).toList();
    }

    /** The stored table, or empty before the portfolio's first computation. */
    public Optional<byte[]> read(String name) {
        return store.get(AnalyticsKeys.portfolioKey(name));
    }

    private static Map<String, Object> day(PortfolioRisk r) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("date", r.date().toString());
        d.put("value", r.value());
        d.put("window_days", r.windowDays());
        varEs(d, r.historical(), "_1d_hs");
        d.put("sigma_1d_ewma", r.ewmaSigma());
        varEs(d, r.ewma(), "_1d_ewma");
        d.put("components", r.components().stream().map(PortfolioTable::component).toList());
        d.put("correlation", r.correlation());
        return d;
    }

    private static Map<String, Object> component(ComponentVar c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", c.symbol()); m.put("weight", c.weight());
        m.put("cvar95_1d_ewma", c.var95()); m.put("cvar99_1d_ewma", c.var99()); m.put("share", c.share());
        return m;
    }

    private static void varEs(Map<String, Object> r, VarEs v, String suffix) {
        r.put("var95" + suffix, v.var95()); r.put("es95" + suffix, v.es95());
        r.put("var99" + suffix, v.var99()); r.put("es99" + suffix, v.es99());
    }
}

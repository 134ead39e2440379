package dev.riskplatform.io;

import dev.riskplatform.core.market.BarInterval;
import dev.riskplatform.core.portfolio.Portfolio;
import java.time.LocalDate;

/** batch-analytics' output prefixes (docs/storage.md); the symbol is checked as in {@link PartitionKeys}. */
public final class AnalyticsKeys {

    private AnalyticsKeys() {
    }

    public static String processedPrefix(String symbol, BarInterval interval, LocalDate date) {
        return "processed/" + PartitionKeys.barsPrefix(symbol, interval, date).substring("raw/bars/".length());
    }

    public static String metricsSymbolPrefix(String symbol) {
        return "metrics/daily/" + PartitionKeys.tradesPrefix(symbol, LocalDate.EPOCH).substring("raw/trades/".length())
                .replace("date=" + LocalDate.EPOCH + "/", "");
    }

    public static String metricsPrefix(String symbol, LocalDate date) {
        return metricsSymbolPrefix(symbol) + "date=" + date + "/";
    }

    /** The symbol's VaR backtest table (JSON), replaced whole by each batch run. */
    public static String backtestKey(String symbol) {
        return "metrics/backtest/" + metricsSymbolPrefix(symbol).substring("metrics/daily/".length()) + "backtest.json";
    }

    /** The portfolio's risk table (JSON), replaced whole by each batch run of a member symbol. */
    public static String portfolioKey(String name) {
        if (name == null || !Portfolio.NAME.matcher(name).matches()) throw new IllegalArgumentException("bad portfolio name: " + name);
        return "metrics/portfolio/name=" + name + "/portfolio.json";
    }
}
